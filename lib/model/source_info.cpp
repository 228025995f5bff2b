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

}  // namespace kraft
