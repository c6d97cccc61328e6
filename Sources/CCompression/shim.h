// zlib (Debian zlib1g-dev) for the precompressed .gz files and the brotli encoder (Debian
// libbrotli-dev) for the .br files beside the output's text files; the decoder for the tests
// that read them back.
#include <zlib.h>
#include <brotli/encode.h>
#include <brotli/decode.h>
