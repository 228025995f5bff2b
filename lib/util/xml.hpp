// Text as XML character data or an attribute value.
#pragma once

#include <string>
#include <string_view>

namespace kraft {

// &, <, >, " and ' escaped; control characters XML 1.0 does not allow (all below U+0020 but tab,
// line feed and carriage return: an OCR'd text's form feeds) dropped.
std::string xml_escape(std::string_view s);

}  // namespace kraft
