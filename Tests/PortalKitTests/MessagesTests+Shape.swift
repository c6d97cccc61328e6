import PortalKit

/// Catalogue entries of YAML shape problems, the catalog (plan, reports, agencies), photo and banner settings, the theme.
extension MessagesTests {
    static let shapeEntries: [Entry] = []
}
