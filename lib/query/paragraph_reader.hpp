// Reads one archived paragraph in full (cases, decision, statements, recipients and, on request,
// the OCR original and its edits). Shared by `show` and `export`; its statements are prepared once,
// so reading thousands of paragraphs costs one prepare per statement, not per paragraph.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/protocol.hpp"
#include "store/database.hpp"
#include "util/error.hpp"

namespace kraft {

struct ShownEdit {
    int line = 0, column = 0;
    std::string from, to, reason;
    double confidence = 0;
};

struct ShownParagraph {
    std::optional<std::string> date;
    std::string body;
    int number = 0;
    std::string title;
    std::string source;
    std::vector<std::string> case_numbers;
    std::string text;  // repaired, without page furniture
    std::optional<Decision> decision;
    std::vector<Statement> statements;
    std::vector<std::string> recipients;
    int line_begin = 0, line_end = 0;
    std::optional<int> page;              // the page it starts on, when the file had pages
    std::optional<std::string> original;  // the OCR text of those lines, when repair changed any
    std::vector<ShownEdit> edits;         // the edits within those lines
};

class ParagraphReader {
  public:
    // Errors: the archive's statements cannot be prepared (an SQLite error).
    // schema: the archive's version (Archive::schema()); an older one lacks some columns.
    static Result<std::unique_ptr<ParagraphReader>> open(Database& db, int schema);

    // The paragraph with this id; with_original adds the OCR text and the edits.
    // Errors: no such paragraph; an SQLite error.
    Result<ShownParagraph> read(std::int64_t paragraph_id, bool with_original);

  private:
    explicit ParagraphReader(Database& db) : db_(db) {}
    // The paragraph's row; returns its protocol's id.
    Result<std::int64_t> read_row(std::int64_t paragraph_id, ShownParagraph& p);
    Result<void> read_decision(std::int64_t paragraph_id, ShownParagraph& p);
    Result<void> read_statements(std::int64_t paragraph_id, ShownParagraph& p);
    Result<void> read_original(std::int64_t protocol_id, ShownParagraph& p);
    Result<void> read_edits(std::int64_t protocol_id, const std::string& original,
                            ShownParagraph& p);
    Result<std::string> reason_text(std::int64_t id);  // looked up once per reader
    Database& db_;
    std::unique_ptr<SqlStatement> paragraph_, cases_, decision_, points_, statements_, persons_,
        parties_, recipients_, original_, edits_, reason_;
    std::unordered_map<std::int64_t, std::string> reasons_;
};

}  // namespace kraft
