#ifndef PORTAL_CVIPS_SHIM_H
#define PORTAL_CVIPS_SHIM_H
// libvips' C API takes optional arguments as NULL-terminated variadic lists, which Swift
// cannot call: each wrapper here fixes the arguments portal uses. Nothing else goes here.
#include <vips/vips.h>
#include <string.h>

/// Starts libvips once (the caller runs it from a `static let`): no operation cache (each
/// image is processed once, and the cache would hold decoded pixels), and libvips' own
/// worker threads per pipeline set by `portal_vips_concurrency`.
static inline int portal_vips_start(void) {
    if (VIPS_INIT("portal") != 0) return -1;
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    return 0;
}

static inline void portal_vips_concurrency(int threads) { vips_concurrency_set(threads); }

/// The image's header only (pixels are decoded lazily, and never here), or NULL.
static inline VipsImage *portal_vips_open(const char *path) {
    return vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

/// `path` shrunk (never enlarged) to fit `width` × `height`, upright by its EXIF orientation
/// and converted to sRGB from its ICC profile; with `crop` (a VipsInteresting), cut to fill
/// exactly `width` × `height` around the part chosen. Shrink-on-load and sequential access:
/// a 50-megapixel JPEG is never decoded whole. Fails on truncated or corrupt data.
static inline int portal_vips_thumbnail(const char *path, VipsImage **out, int width, int height, int crop) {
    return vips_thumbnail(path, out, width, "height", height, "size", VIPS_SIZE_DOWN, "crop", (VipsInteresting)crop,
        "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

/// The image's pixels computed into memory, so it can be saved twice without decoding again.
static inline VipsImage *portal_vips_copy_memory(VipsImage *in) { return vips_image_copy_memory(in); }

/// Alpha flattened onto white (JPEG has no transparency).
static inline int portal_vips_flatten_white(VipsImage *in, VipsImage **out) {
    VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    int result = vips_flatten(in, out, "background", white, NULL);
    vips_area_unref(VIPS_AREA(white));
    return result;
}

/// 8-bit sRGB (a 16-bit PNG becomes 8-bit).
static inline int portal_vips_srgb8(VipsImage *in, VipsImage **out) {
    VipsImage *srgb = NULL;
    if (vips_colourspace(in, &srgb, VIPS_INTERPRETATION_sRGB, NULL) != 0) return -1;
    int result = vips_cast(srgb, out, VIPS_FORMAT_UCHAR, NULL);
    g_object_unref(srgb);
    return result;
}

/// Every metadata field removed (EXIF, XMP, IPTC, ICC, maker notes, orientation), except
/// the fields libvips needs to describe pixels, which have no name of this kind.
static inline void portal_vips_remove_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (int i = 0; fields[i]; i++) {
        const char *name = fields[i];
        // Width, height, bands, format, coding, interpretation, resolution and offsets are
        // properties of the image, not removable metadata.
        if (strcmp(name, "width") == 0 || strcmp(name, "height") == 0 || strcmp(name, "bands") == 0 ||
            strcmp(name, "format") == 0 || strcmp(name, "coding") == 0 || strcmp(name, "interpretation") == 0 ||
            strcmp(name, "xoffset") == 0 || strcmp(name, "yoffset") == 0 || strcmp(name, "xres") == 0 ||
            strcmp(name, "yres") == 0 || strcmp(name, "filename") == 0 || strcmp(name, "mode") == 0)
            continue;
        vips_image_remove(image, name);
    }
    g_strfreev(fields);
}

static inline void portal_vips_set_string(VipsImage *image, const char *name, const char *value) {
    vips_image_set_string(image, name, value);
}

/// A string field (`exif-ifd0-Copyright`, `vips-loader`) copied into `buffer`; 0 when absent.
static inline int portal_vips_get_string(VipsImage *image, const char *name, char *buffer, size_t size) {
    const char *value = NULL;
    if (vips_image_get_typeof(image, name) == 0 || vips_image_get_string(image, name, &value) != 0 || !value)
        return 0;
    g_strlcpy(buffer, value, size);
    return 1;
}

/// Savers. `strip`: write no metadata at all. Every setting is fixed so the bytes are the
/// same on every run: no interlacing choice left to defaults that may change.
static inline int portal_vips_jpegsave(VipsImage *in, void **buffer, size_t *length, int quality, int strip) {
    return vips_jpegsave_buffer(in, buffer, length, "Q", quality, "strip", strip, "optimize_coding", TRUE,
        "interlace", TRUE, "subsample_mode", VIPS_FOREIGN_SUBSAMPLE_AUTO, NULL);
}

static inline int portal_vips_webpsave(VipsImage *in, void **buffer, size_t *length, int quality, int strip) {
    return vips_webpsave_buffer(in, buffer, length, "Q", quality, "strip", strip, "effort", 4, "smart_subsample",
        FALSE, NULL);
}

static inline int portal_vips_pngsave(VipsImage *in, void **buffer, size_t *length, int strip) {
    return vips_pngsave_buffer(in, buffer, length, "compression", 6, "strip", strip, "interlace", FALSE, NULL);
}

/// AVIF (AV1 in HEIF) for AVIF originals.
static inline int portal_vips_avifsave(VipsImage *in, void **buffer, size_t *length, int quality, int strip) {
    return vips_heifsave_buffer(in, buffer, length, "Q", quality, "strip", strip, "compression",
        VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "effort", 4, NULL);
}

static inline void portal_vips_unref(VipsImage *image) { g_object_unref(image); }
static inline void portal_g_free(void *pointer) { g_free(pointer); }

/// libvips' last error messages, then cleared. The buffer is process-wide: a message may
/// carry another thread's failure along with this one's.
static inline void portal_vips_take_error(char *buffer, size_t size) {
    g_strlcpy(buffer, vips_error_buffer(), size);
    vips_error_clear();
}

#endif
