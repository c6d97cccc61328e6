/* The encoders' floor of the photo benchmark: the JPEG and WebP encoders alone, writing the
 * same files as portal, vipsthumbnail and ImageMagick do for each photo, from pixels already
 * decoded, turned upright and resized (libvips' `.v` files, made once before timing). It is the
 * least any tool publishing those files with these encoder settings spends, whatever its
 * decoding and resizing cost: the photo benchmark prints it beside the tools.
 *
 *   encode_floor N DIR
 *
 * Encodes DIR/r480.v … DIR/r2400.v as JPEG and WebP and DIR/share.v as JPEG, N times (once per
 * photo of the benchmark), to memory, in one process on one thread: the time measured is the
 * encoders', not process starts or disk writes. Prints the bytes of one photo's files. */
#include <stdio.h>
#include <stdlib.h>
#include <vips/vips.h>

static const int widths[] = {480, 800, 1200, 1600, 2400};
#define WIDTHS (sizeof widths / sizeof widths[0])

static size_t encode(VipsImage *image, int webp) {
    void *buffer = NULL;
    size_t length = 0;
    int failed = webp
        ? vips_webpsave_buffer(image, &buffer, &length, "Q", 80, "effort", 4, "strip", TRUE, NULL)
        : vips_jpegsave_buffer(image, &buffer, &length, "Q", 82, "optimize_coding", TRUE, "interlace", TRUE,
              "strip", TRUE, NULL);
    if (failed) vips_error_exit("encode_floor");
    g_free(buffer);
    return length;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: encode_floor N DIR\n");
        return 2;
    }
    if (VIPS_INIT(argv[0])) vips_error_exit("encode_floor");
    vips_concurrency_set(1);
    /* No operation cache: each photo's files are encoded again, as for a new photo. */
    vips_cache_set_max(0);
    int photos = atoi(argv[1]);
    VipsImage *images[WIDTHS + 1];
    char path[4096];
    for (size_t i = 0; i <= WIDTHS; i++) {
        if (i < WIDTHS) snprintf(path, sizeof path, "%s/r%d.v", argv[2], widths[i]);
        else snprintf(path, sizeof path, "%s/share.v", argv[2]);
        /* Loaded into memory once: the timing is the encoders' alone. */
        VipsImage *file = vips_image_new_from_file(path, NULL);
        if (!file) vips_error_exit("encode_floor");
        images[i] = vips_image_copy_memory(file);
        if (!images[i]) vips_error_exit("encode_floor");
        g_object_unref(file);
    }
    size_t bytes = 0;
    for (int n = 0; n < photos; n++) {
        bytes = 0;
        for (size_t i = 0; i < WIDTHS; i++) bytes += encode(images[i], 0) + encode(images[i], 1);
        bytes += encode(images[WIDTHS], 0);
    }
    printf("%zu bytes a photo, %d photos\n", bytes, photos);
    return 0;
}
