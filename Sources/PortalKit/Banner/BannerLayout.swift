import Foundation

/// Lays out a banner's text for one size and language: shrinks and wraps the title (and the
/// subtitle, when there is room) into the text area, then renders the theme's SVG template and
/// checks with librsvg that every line's ink stays inside the banner.
struct BannerLayout {
    static let font = "DejaVu Sans"
    static let referenceSize = 100.0
    static let minimumTitleSize = 9.0
    static let lineHeight = 1.18

    let size: BannerSize
    let language: String
    let title: String
    let subtitle: String?
    let number: Int
    let template: Template

    struct Rect {
        var x: Double, y: Double, width: Double, height: Double
        var fields: [String: Any] { ["x": fmt(x), "y": fmt(y), "width": fmt(width), "height": fmt(height)] }
    }

    /// The badge (the anniversary number) and the text area, by the banner's shape.
    var regions: (badge: Rect, text: Rect) {
        let w = Double(size.width), h = Double(size.height)
        let ratio = w / h
        if ratio >= 2.2 {  // wide: badge on the left
            let pad = max(4, h * 0.1)
            return (
                Rect(x: 0, y: 0, width: h, height: h),
                Rect(x: h + pad, y: pad, width: w - h - 2 * pad, height: h - 2 * pad)
            )
        }
        if ratio <= 0.6 {  // tall: badge on top
            let pad = max(6, w * 0.08)
            return (
                Rect(x: 0, y: 0, width: w, height: w),
                Rect(x: pad, y: w + pad, width: w - 2 * pad, height: h - w - 2 * pad)
            )
        }
        let band = h * 0.38  // near square: badge band on top
        let pad = max(6, w * 0.05)
        return (
            Rect(x: 0, y: 0, width: w, height: band),
            Rect(x: pad, y: band + pad, width: w - 2 * pad, height: h - band - 2 * pad)
        )
    }

    struct Fit {
        var titleSize: Double
        var titleLines: [String]
        var subtitleSize: Double
        var subtitleLines: [String]
    }

    /// The SVG, once its text fits; nil when no size and wrapping fits.
    func render() throws(BannerError) -> String? {
        let box = regions.text
        let widths = try measure()
        // The subtitle is kept when the title can stay large with it; else the title alone.
        let largest = min(box.height * 0.5, 46).rounded(.down)
        var withSubtitle: [Fit] = []
        var titleOnly: [Fit] = []
        var titleSize = largest
        while titleSize >= Self.minimumTitleSize {
            if subtitle != nil, let fit = fit(titleSize: titleSize, withSubtitle: true, widths: widths, box: box) {
                withSubtitle.append(fit)
            }
            if let fit = fit(titleSize: titleSize, withSubtitle: false, widths: widths, box: box) {
                titleOnly.append(fit)
            }
            titleSize -= 1
        }
        let good = withSubtitle.filter { $0.titleSize >= largest * 0.6 }
        let candidates = good + titleOnly + withSubtitle.filter { $0.titleSize < largest * 0.6 }
        // Largest first; the measured layout may still differ from the estimate by hinting, so
        // the rendered ink decides.
        for fit in candidates.prefix(8) {
            let svg = svg(fit)
            let ids =
                (0..<fit.titleLines.count).map { "title-\($0)" }
                + (0..<fit.subtitleLines.count).map { "subtitle-\($0)" }
            let ink: [String: SVGRasterizer.Box]
            do { ink = try SVGRasterizer.boxes(svg: svg, ids: ids, viewport: (size.width, size.height)) } catch {
                throw .drawing(size, language, error)
            }
            guard ink.count == ids.count else { throw .missingLineIDs(size, language) }
            let inside = ink.values.allSatisfy { b in
                b.x >= box.x - 1 && b.y >= box.y - 1 && b.x + b.width <= box.x + box.width + 1
                    && b.y + b.height <= box.y + box.height + 1
            }
            if inside { return svg }
        }
        return nil
    }

    /// Greedy wrapping at `titleSize`, estimated from advance widths measured at 100 px.
    private func fit(titleSize: Double, withSubtitle: Bool, widths: Widths, box: Rect) -> Fit? {
        guard let titleLines = wrap(title, size: titleSize, bold: true, widths: widths, width: box.width) else {
            return nil
        }
        var height = Double(titleLines.count) * titleSize * Self.lineHeight
        var subtitleLines: [String] = []
        let subtitleSize = max(Self.minimumTitleSize, (titleSize * 0.58).rounded(.down))
        if withSubtitle, let subtitle {
            guard let lines = wrap(subtitle, size: subtitleSize, bold: false, widths: widths, width: box.width) else {
                return nil
            }
            subtitleLines = lines
            height += titleSize * 0.3 + Double(lines.count) * subtitleSize * Self.lineHeight
        }
        guard height <= box.height else { return nil }
        return Fit(
            titleSize: titleSize, titleLines: titleLines, subtitleSize: subtitleSize, subtitleLines: subtitleLines)
    }

    private func wrap(_ text: String, size: Double, bold: Bool, widths: Widths, width: Double) -> [String]? {
        let scale = size / Self.referenceSize
        let space = (bold ? widths.boldSpace : widths.space) * scale
        var lines: [String] = []
        var current = ""
        var currentWidth = 0.0
        for word in text.split(separator: " ").map(String.init) {
            let w = (bold ? widths.bold[word] : widths.regular[word])! * scale
            if w > width { return nil }
            if current.isEmpty {
                (current, currentWidth) = (word, w)
            } else if currentWidth + space + w <= width {
                current += " " + word
                currentWidth += space + w
            } else {
                lines.append(current)
                (current, currentWidth) = (word, w)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    struct Widths {
        var bold: [String: Double] = [:]
        var regular: [String: Double] = [:]
        var boldSpace = 0.0
        var space = 0.0
    }

    /// Advance widths of every word at the reference size, from one librsvg layout.
    private func measure() throws(BannerError) -> Widths {
        let titleWords = Array(Set(title.split(separator: " ").map(String.init))).sorted()
        let subtitleWords = Array(Set((subtitle ?? "").split(separator: " ").map(String.init))).sorted()
        var elements: [String] = []
        func text(_ id: String, _ content: String, bold: Bool) {
            elements.append(
                "<text id=\"\(id)\" x=\"0\" y=\"200\" font-family=\"\(Self.font)\" font-size=\"\(Self.referenceSize)\"\(bold ? " font-weight=\"bold\"" : "")>\(XML.escape(content))</text>"
            )
        }
        for (i, word) in titleWords.enumerated() { text("b\(i)", word, bold: true) }
        for (i, word) in subtitleWords.enumerated() { text("r\(i)", word, bold: false) }
        // A space's advance: "x x" less "xx".
        text("bs1", "x x", bold: true)
        text("bs0", "xx", bold: true)
        text("rs1", "x x", bold: false)
        text("rs0", "xx", bold: false)
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100000\" height=\"400\">\(elements.joined())</svg>"
        let ids =
            titleWords.indices.map { "b\($0)" } + subtitleWords.indices.map { "r\($0)" } + ["bs1", "bs0", "rs1", "rs0"]
        let boxes: [String: SVGRasterizer.Box]
        do { boxes = try SVGRasterizer.boxes(svg: svg, ids: ids, logical: true) } catch {
            throw .drawing(size, language, error)
        }
        var widths = Widths()
        for (i, word) in titleWords.enumerated() { widths.bold[word] = boxes["b\(i)"]?.width ?? 0 }
        for (i, word) in subtitleWords.enumerated() { widths.regular[word] = boxes["r\(i)"]?.width ?? 0 }
        widths.boldSpace = (boxes["bs1"]?.width ?? 0) - (boxes["bs0"]?.width ?? 0)
        widths.space = (boxes["rs1"]?.width ?? 0) - (boxes["rs0"]?.width ?? 0)
        return widths
    }

    /// Fills the theme's template with the laid-out lines.
    private func svg(_ fit: Fit) -> String {
        let (badge, box) = regions
        let titleHeight = Double(fit.titleLines.count) * fit.titleSize * Self.lineHeight
        let subtitleHeight =
            fit.subtitleLines.isEmpty
            ? 0 : fit.titleSize * 0.3 + Double(fit.subtitleLines.count) * fit.subtitleSize * Self.lineHeight
        // The block is centred vertically in the text area; baselines sit at 0.8 em in each line.
        var y = box.y + (box.height - titleHeight - subtitleHeight) / 2
        var titleLines: [[String: Any]] = []
        for (i, line) in fit.titleLines.enumerated() {
            titleLines.append(["id": "title-\(i)", "text": line, "x": fmt(box.x), "y": fmt(y + fit.titleSize * 0.92)])
            y += fit.titleSize * Self.lineHeight
        }
        y += fit.subtitleLines.isEmpty ? 0 : fit.titleSize * 0.3
        var subtitleLines: [[String: Any]] = []
        for (i, line) in fit.subtitleLines.enumerated() {
            subtitleLines.append([
                "id": "subtitle-\(i)", "text": line, "x": fmt(box.x), "y": fmt(y + fit.subtitleSize * 0.92),
            ])
            y += fit.subtitleSize * Self.lineHeight
        }
        let numberSize = (min(badge.width, badge.height) * 0.42).rounded(.down)
        let labelSize = max(7, (min(badge.width, badge.height) * 0.14).rounded(.down))
        let context: [String: Any] = [
            "width": size.width, "height": size.height, "language": language, "title": title,
            "subtitle": subtitle ?? "", "number": number, "font": Self.font,
            "titleSize": fmt(fit.titleSize), "subtitleSize": fmt(fit.subtitleSize),
            "titleLines": titleLines, "subtitleLines": subtitleLines,
            "badge": badge.fields.merging([
                "centerX": fmt(badge.x + badge.width / 2),
                "numberY": fmt(badge.y + badge.height / 2 + numberSize * 0.2), "numberSize": fmt(numberSize),
                "labelY": fmt(badge.y + badge.height / 2 + numberSize * 0.2 + labelSize * 1.3),
                "labelSize": fmt(labelSize),
            ]) { $1 },
            "text": box.fields,
        ]
        return template.render(TemplateValue(contextValue: context))
    }
}

/// Numbers in SVG attributes: at most two decimals, no trailing zeros, the same on every run.
func fmt(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(format: "%.2f", rounded).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
}
