#include "ingest/ingest.hpp"

#include <algorithm>

#include "ingest/ocr.hpp"
#include "ingest/page_furniture.hpp"
#include "ingest/pdf_document.hpp"
#include "util/file.hpp"
#include "util/table_file.hpp"
#include "util/text.hpp"

namespace kraft {

namespace {

// A page's text layer is garbage (from a font without a Unicode map) when of at least kMinWords
// words of three letters or more, fewer than kMinKnownShare of a sample are words of the
// language. A few words are a born-digital page's own (a cover: "Protokoll", the body, the date).
constexpr std::size_t kMinWords = 5;
constexpr std::size_t kSampledWords = 40;
constexpr double kMinKnownShare = 0.3;
// A page without any text is scanned (and OCR'd) when anything is printed on it: a blank page
// is not worth tesseract's second. Measured at 36 dpi: a blank page of shared/pdf-dev 0.003 %
// of its pixels dark, a scanned page with two lines of text 0.083 %, a full one 2.5 %.
constexpr int kInkDpi = 36;
constexpr double kScannedInkShare = 0.0002;

std::vector<std::string> words_of(std::string_view page) {
    std::vector<std::string> words;
    std::u32string w;
    for (char32_t c : text::to_u32(page)) {
        if (text::is_alpha(c)) {
            w += c;
            continue;
        }
        if (w.size() >= 3) words.push_back(text::to_utf8(w));
        w.clear();
    }
    if (w.size() >= 3) words.push_back(text::to_utf8(w));
    return words;
}

enum class TextLayer { usable, none, garbage };

TextLayer judge_text_layer(std::string_view page, const WordCheck& is_word) {
    const std::vector<std::string> words = words_of(page);
    if (words.empty()) return TextLayer::none;
    if (words.size() < kMinWords) return TextLayer::usable;
    const std::size_t step = std::max<std::size_t>(1, words.size() / kSampledWords);
    std::size_t sampled = 0, known = 0;
    for (std::size_t i = 0; i < words.size() && sampled < kSampledWords; i += step, ++sampled)
        known += is_word(words[i]) ? 1 : 0;
    return static_cast<double>(known) >= kMinKnownShare * static_cast<double>(sampled)
               ? TextLayer::usable
               : TextLayer::garbage;
}

double ink_share(const GrayImage& image) {
    if (image.pixels.empty()) return 0;
    std::size_t dark = 0;
    for (unsigned char p : image.pixels) dark += p < 160 ? 1 : 0;
    return static_cast<double>(dark) / static_cast<double>(image.pixels.size());
}

// The OCR'd words found again in the final text of their page (after the page furniture went and
// hyphenation was joined): in order, each looked for a little past the one before.
void locate_ocr_words(const DecodedText& text, const std::vector<std::size_t>& ocr_page_numbers,
                      const std::vector<OcrPage>& ocr_pages, std::vector<WordConfidence>& out) {
    std::vector<std::size_t> page_start{0};
    for (std::size_t i = 0; i < text.text.size(); ++i)
        if (text.text[i] == '\f') page_start.push_back(i + 1);
    page_start.push_back(text.text.size() + 1);
    constexpr std::size_t kWindow = 400;
    for (std::size_t k = 0; k < ocr_pages.size(); ++k) {
        const std::size_t p = ocr_page_numbers[k];
        if (p + 1 >= page_start.size()) continue;
        const std::size_t end = std::min(page_start[p + 1] - 1, text.text.size());
        std::size_t pos = page_start[p];
        for (const OcrWord& w : ocr_pages[k].words) {
            const std::string_view word =
                std::string_view(ocr_pages[k].text).substr(w.offset, w.length);
            // Looked for only in the window, so that a page of words not found again (gone with
            // the furniture) costs no more than one of words found.
            if (pos >= end) break;
            const std::string_view window =
                std::string_view(text.text).substr(pos, std::min(end - pos, kWindow + word.size()));
            const std::size_t at = window.find(word);
            if (word.empty() || at == std::string_view::npos) continue;
            out.push_back({pos + at, word.size(), w.confidence});
            pos += at + word.size();
        }
    }
}

Result<IngestedText> assemble(std::vector<std::string>& pages, const std::string& source,
                              const IngestModel& model, const WordCheck& is_word, SourceInfo info,
                              const std::vector<std::size_t>& ocr_page_numbers,
                              const std::vector<OcrPage>& ocr_pages) {
    remove_page_furniture(pages);
    std::string all;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        if (i) all += '\f';
        all += pages[i];
        if (!all.empty() && all.back() != '\n') all += '\n';
    }
    auto decoded = decode(join_line_end_hyphens(all, model.hyphenation, is_word), source);
    if (!decoded) return std::unexpected(decoded.error());
    IngestedText out{std::move(*decoded), std::move(info), {}};
    locate_ocr_words(out.text, ocr_page_numbers, ocr_pages, out.ocr_words);
    return out;
}

OcrJob ocr_job(const IngestOptions& o, std::size_t pages,
               std::function<Result<GrayImage>(std::size_t)> image_of) {
    OcrJob job;
    job.pages = pages;
    job.image_of = std::move(image_of);
    job.language = o.ocr_language;
    job.threads = o.ocr_threads;
    job.on_page = o.on_ocr_page;
    job.stop = o.stop;
    return job;
}

bool has_text(const std::vector<std::string>& pages) {
    return std::any_of(pages.begin(), pages.end(), [](const std::string& p) {
        return p.find_first_not_of(" \t\n") != std::string::npos;
    });
}

Result<IngestedText> ingest_pdf(std::string bytes, const std::string& source,
                                const IngestModel& model, const IngestOptions& o,
                                const WordCheck& is_word) {
    auto doc = PdfDocument::open(std::move(bytes), source);
    if (!doc) return std::unexpected(doc.error());
    SourceInfo info{InputFormat::pdf, doc->pages(), doc->producer(), 0};
    std::vector<std::string> pages;
    std::vector<std::size_t> to_read;
    for (int i = 0; i < doc->pages(); ++i) {
        pages.push_back(doc->page_text(i));
        if (o.ocr == OcrMode::never) continue;
        bool read = o.ocr == OcrMode::always;
        if (!read) {
            const TextLayer layer = judge_text_layer(pages.back(), is_word);
            if (layer == TextLayer::garbage) {
                read = true;
            } else if (layer == TextLayer::none) {
                auto thumbnail = doc->render(i, kInkDpi);
                read = thumbnail && ink_share(*thumbnail) >= kScannedInkShare;
            }
        }
        if (read) to_read.push_back(static_cast<std::size_t>(i));
    }
    std::vector<OcrPage> ocr_pages;
    if (!to_read.empty()) {
        auto read =
            read_pages(ocr_job(o, to_read.size(),
                               [&](std::size_t k) {
                                   return doc->render(static_cast<int>(to_read[k]), o.ocr_dpi);
                               }),
                       source);
        if (!read) return std::unexpected(read.error());
        ocr_pages = std::move(*read);
        for (std::size_t k = 0; k < to_read.size(); ++k) pages[to_read[k]] = ocr_pages[k].text;
        info.ocr_pages = static_cast<int>(to_read.size());
    }
    if (!has_text(pages))
        return fail(source, 0,
                    o.ocr == OcrMode::never
                        ? "PDF has no text layer (a scan?); import it with --ocr auto to read it "
                          "by OCR"
                        : "PDF has no text, and OCR found none");
    return assemble(pages, source, model, is_word, std::move(info), to_read, ocr_pages);
}

Result<IngestedText> ingest_image(const std::string& bytes, const std::string& source,
                                  const IngestModel& model, const IngestOptions& o,
                                  const WordCheck& is_word) {
    if (o.ocr == OcrMode::never)
        return fail(source, 0, "an image is read only by OCR, and --ocr never was given");
    auto images = read_images(bytes, source);
    if (!images) return std::unexpected(images.error());
    auto read = read_pages(
        ocr_job(o, images->size(),
                [&](std::size_t k) -> Result<GrayImage> { return std::move((*images)[k]); }),
        source);
    if (!read) return std::unexpected(read.error());
    SourceInfo info{
        InputFormat::image, static_cast<int>(images->size()), {}, static_cast<int>(images->size())};
    std::vector<std::string> pages;
    std::vector<std::size_t> numbers;
    for (std::size_t k = 0; k < read->size(); ++k) {
        pages.push_back((*read)[k].text);
        numbers.push_back(k);
    }
    if (!has_text(pages)) return fail(source, 0, "OCR found no text in the image");
    return assemble(pages, source, model, is_word, std::move(info), numbers, *read);
}

}  // namespace

std::string_view to_string(OcrMode m) {
    switch (m) {
        case OcrMode::automatic:
            return "auto";
        case OcrMode::always:
            return "always";
        case OcrMode::never:
            return "never";
    }
    return "auto";
}

Result<std::shared_ptr<IngestModel>> IngestModel::load(const std::string& dir) {
    auto table = read_table(dir + "/hyphenation.txt");
    if (!table) return std::unexpected(table.error());
    auto model = std::make_shared<IngestModel>();
    for (const TableRow& row : table->rows) {
        if (row.fields.size() != 1 || row.fields[0].empty())
            return std::unexpected(table->error_at(row, "expected one word"));
        model->hyphenation.shared_part_followers.insert(text::lower(row.fields[0]));
    }
    return model;
}

Result<IngestedText> ingest(std::string bytes, const std::string& source, const IngestModel& model,
                            const IngestOptions& options, const WordCheck& is_word) {
    switch (format_of(bytes)) {
        case InputFormat::pdf:
            return ingest_pdf(std::move(bytes), source, model, options, is_word);
        case InputFormat::image:
            return ingest_image(bytes, source, model, options, is_word);
        case InputFormat::text:
            break;
    }
    if (bytes.size() > kMaxInputBytes)
        return fail(source, 0,
                    "file larger than " + std::to_string(kMaxInputBytes >> 20) +
                        " MiB; a protocol is far smaller (split the file)");
    auto decoded = decode(bytes, source);
    if (!decoded) return std::unexpected(decoded.error());
    return IngestedText{std::move(*decoded), {}, {}};
}

}  // namespace kraft
