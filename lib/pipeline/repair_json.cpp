#include "pipeline/repair_json.hpp"

#include "pipeline/prepare.hpp"
#include "util/json_writer.hpp"

namespace kraft {

void write_repair_json(std::ostream& out, const std::string& file, const DecodedText& received,
                       const RepairResult& r) {
    JsonWriter j(out);
    j.begin_object();
    j.key("file").value(file);
    j.key("damage").value(r.damage.level);
    j.key("repaired").value(r.damage.damaged);
    j.key("edits").begin_array();
    for (const StoredEdit& e : placed_edits(received, r.edits)) {
        j.begin_object();
        j.key("line").value(e.line).key("column").value(e.column);
        j.key("from").value(e.from).key("to").value(e.to);
        j.key("confidence").value(e.confidence).key("reason").value(e.reason);
        j.end_object();
    }
    j.end_array();
    j.key("words").value(r.damage.words);
    j.end_object();
    out << '\n';
}

}  // namespace kraft
