#include "model/source_info.hpp"

namespace kraft {

std::string_view to_string(InputFormat f) {
    switch (f) {
        case InputFormat::text:
            return "text";
        case InputFormat::pdf:
            return "pdf";
        case InputFormat::image:
            return "image";
    }
    return "text";
}

std::optional<InputFormat> input_format_from(std::string_view name) {
    for (InputFormat f : {InputFormat::text, InputFormat::pdf, InputFormat::image})
        if (to_string(f) == name) return f;
    return std::nullopt;
}

}  // namespace kraft
