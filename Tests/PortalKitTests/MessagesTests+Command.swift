import PortalKit

/// Catalogue entries of the commands' help texts, progress lines and reports (Sources/portal, PortalServer).
extension MessagesTests {
    static let commandEntries: [Entry] = []
}
