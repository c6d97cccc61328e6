import PortalKit

/// Catalogue entries of the error enums of the build stages (banner, Markdown links, output, photos, publish, import).
extension MessagesTests {
    static let errorEntries: [Entry] = []
}
