// swift-tools-version: 6.0
// libFuzzer targets for the parsers of untrusted text (see docs/development.md, "Fuzzing"). A package of its
// own, so the root package's `swift build` and `swift test` never see an executable without
// `main`: `scripts/fuzz` builds it with `-sanitize=fuzzer,address` into `.build-fuzz/`.
import PackageDescription

/// Target name → what it fuzzes; each is the executable `fuzz-<name>`.
let fuzzTargets = ["FrontMatter", "Markdown", "Slug", "URLPath", "Settings", "Agencies", "Plan"]

let package = Package(
    name: "portal-fuzz",
    platforms: [.macOS(.v14)],
    products: fuzzTargets.map { .executable(name: "fuzz-\($0.lowercased())", targets: ["Fuzz\($0)"]) },
    dependencies: [.package(name: "portal", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport", dependencies: ["CFuzzerDriver", .product(name: "PortalKit", package: "portal")]),
    ]
        + fuzzTargets.map { name in
            .executableTarget(
                name: "Fuzz\(name)",
                dependencies: ["FuzzSupport", .product(name: "PortalKit", package: "portal")])
        }
)
