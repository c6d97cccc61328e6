// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "portal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
        .library(name: "PortalKit", targets: ["PortalKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev; the pkg-config
        // file `libcmark-gfm` links both libraries.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's librsvg2-dev: the banner SVGs rendered to PNG at exact sizes, and text measured.
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        // Debian's libvips-dev: photos resized, oriented, converted to sRGB and stripped of their
        // metadata. Its API is variadic, so Swift calls it through fixed-argument wrappers (shim.h).
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // One Linux call Swift's Glibc module does not expose: renameat2 (atomic swap).
        .target(name: "CPortalSys"),
        // zlib and Debian's libbrotli-dev: the .gz and .br files beside the output's text files.
        .systemLibrary(
            name: "CCompression",
            pkgConfig: "libbrotlienc",
            providers: [.apt(["libbrotli-dev", "zlib1g-dev"])]
        ),
        .target(
            name: "PortalKit",
            dependencies: [
                "CCmarkGFM",
                "CPortalSys",
                "CCompression",
                "CRsvg",
                "CVips",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // `portal serve`: the preview server (Hummingbird), the file watcher, live reload.
        .target(
            name: "PortalServer",
            dependencies: [
                "PortalKit",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "portal",
            dependencies: [
                "PortalKit",
                "PortalServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // swift-mustache only in the tests: the template engine's parity tests render every
        // theme template with it too, and the two outputs must be the same bytes.
        .testTarget(
            name: "PortalKitTests",
            dependencies: [
                "PortalKit", "CCompression", .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PortalServerTests",
            dependencies: ["PortalServer", "PortalKit"]
        ),
    ]
)
