import Foundation

/// A stacked bar chart drawn by the build as inline SVG: one bar per row, one segment per
/// status, each segment's count written in it so the chart reads in black-and-white print,
/// and a title and description for screen readers (the same figures are in a table beside it).
struct ProgressChart {
    var id: String
    var title: String
    var description: String
    /// Label and the counts of each status, in `legend` order.
    var rows: [(label: String, counts: [Int])]
    var legend: [String]

    /// Fill and text colour per status: done, ongoing, in progress, not started, not reported.
    static let styles: [(fill: String, text: String)] = [
        ("#22559E", "#FFFFFF"), ("#7FA7DB", "#0B1F3A"), ("#F8F400", "#0B1F3A"), ("#D9D9D9", "#0B1F3A"),
        ("#FFFFFF", "#0B1F3A"),
    ]

    /// Each row's label on its own line above its bar, so that the chart is narrow (360 units)
    /// and keeps its text at 12–13 px on a phone, where a wider chart would be scaled down.
    func svg() -> String {
        let width = 360, rowHeight = 48, top = 2
        let legendTop = top + rows.count * rowHeight + 8
        // The legend's entries, wrapped onto as many lines as their names need to stay inside
        // the chart (an SVG clips what lies outside it).
        var places: [(x: Int, y: Int)] = []
        var (nextX, line) = (0, 0)
        for name in legend {
            let entryWidth = 18 + name.count * 7
            if nextX > 0 && nextX + entryWidth > width { (nextX, line) = (0, line + 1) }
            places.append((nextX, legendTop + line * 22))
            nextX += entryWidth + 12
        }
        let height = legendTop + line * 22 + 20
        let barWidth = width - 2
        let maximum = max(1, rows.map { $0.counts.reduce(0, +) }.max() ?? 1)
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"progress-chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        out += "<title id=\"\(id)-title\">\(Self.escape(title))</title>"
        out += "<desc id=\"\(id)-desc\">\(Self.escape(description))</desc>"
        for (index, row) in rows.enumerated() {
            let y = top + index * rowHeight
            out +=
                "<text x=\"0\" y=\"\(y + 13)\" font-size=\"13\" fill=\"#0B1F3A\">\(Self.escape(Self.shorten(row.label)))</text>"
            var x = 1
            for (status, count) in row.counts.enumerated() where count > 0 {
                let w = count * barWidth / maximum
                let style = Self.styles[min(status, Self.styles.count - 1)]
                out +=
                    "<rect x=\"\(x)\" y=\"\(y + 19)\" width=\"\(w)\" height=\"22\" fill=\"\(style.fill)\" stroke=\"#0B1F3A\" stroke-width=\"1\"/>"
                out +=
                    "<text x=\"\(x + w / 2)\" y=\"\(y + 34)\" font-size=\"12\" text-anchor=\"middle\" fill=\"\(style.text)\">\(count)</text>"
                x += w
            }
        }
        for ((status, name), place) in zip(legend.enumerated(), places) {
            let style = Self.styles[min(status, Self.styles.count - 1)]
            out +=
                "<rect x=\"\(place.x + 1)\" y=\"\(place.y)\" width=\"14\" height=\"14\" fill=\"\(style.fill)\" stroke=\"#0B1F3A\" stroke-width=\"1\"/>"
            out +=
                "<text x=\"\(place.x + 19)\" y=\"\(place.y + 12)\" font-size=\"12\" fill=\"#0B1F3A\">\(Self.escape(name))</text>"
        }
        return out + "</svg>"
    }

    /// Labels longer than a line of the chart are cut (the table beside the chart has them whole).
    static func shorten(_ label: String) -> String { label.count > 40 ? String(label.prefix(39)) + "…" : label }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
