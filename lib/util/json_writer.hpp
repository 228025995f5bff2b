// A small streaming JSON writer: correct escaping and commas, no DOM.
//
//   JsonWriter j(std::cout);
//   j.begin_object().key("n").value(1).key("xs").begin_array().value("a").end_array().end_object();
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kraft {

class JsonWriter {
  public:
    explicit JsonWriter(std::ostream& out, bool pretty = false) : out_(out), pretty_(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(double d);
    JsonWriter& value(int i) { return value(static_cast<long long>(i)); }
    JsonWriter& value(long i) { return value(static_cast<long long>(i)); }
    JsonWriter& value(long long i);
    JsonWriter& value(unsigned long i) { return value(static_cast<long long>(i)); }
    JsonWriter& value(unsigned long long i) { return value(static_cast<long long>(i)); }
    JsonWriter& null();
    template <class T>
    JsonWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : null();
    }

    static std::string escape(std::string_view s);

  private:
    void before_value();
    void newline();
    std::ostream& out_;
    bool pretty_;
    std::vector<bool> first_;  // per open container: nothing written yet
    bool after_key_ = false;
};

}  // namespace kraft
