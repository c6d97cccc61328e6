/* The floor of the benchmark: cmark-gfm alone turning Markdown into files.
 *
 *   floor BODIES_DIR OUT_DIR
 *
 * Reads every `*.md` file of BODIES_DIR (the bodies without front matter, as
 * benchmark/gen_corpus.py --bodies-out writes them), converts each with libcmark-gfm
 * and the GFM extensions portal uses (table, strikethrough, autolink, tagfilter,
 * tasklist; footnotes; safe mode: raw HTML dropped), and writes one HTML file per post
 * in pretty-URL style, OUT_DIR/<name>/index.html: a directory and a file per post, as a
 * site generator does. One thread, no templates, no links resolved, no listings: what
 * any generator has to spend at least to put the same Markdown into the same number of
 * post files.
 *
 * Build: cc -O2 -o floor floor.c $(pkg-config --cflags --libs libcmark-gfm)
 * (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev; the .pc file links both.)
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const extension_names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
#define EXTENSION_COUNT (sizeof extension_names / sizeof extension_names[0])

static void die(const char *what, const char *path) {
  fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
  exit(1);
}

/* The whole file, NUL-terminated; its length in *length. */
static char *read_file(const char *path, size_t *length) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) die("cannot open", path);
  struct stat st;
  if (fstat(fd, &st) != 0) die("cannot stat", path);
  char *buffer = malloc((size_t)st.st_size + 1);
  if (!buffer) die("out of memory reading", path);
  size_t done = 0;
  while (done < (size_t)st.st_size) {
    ssize_t n = read(fd, buffer + done, (size_t)st.st_size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) die("cannot read", path);
    done += (size_t)n;
  }
  close(fd);
  buffer[done] = 0;
  *length = done;
  return buffer;
}

static void write_file(const char *path, const char *data, size_t length) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) die("cannot create", path);
  size_t done = 0;
  while (done < length) {
    ssize_t n = write(fd, data + done, length - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) die("cannot write", path);
    done += (size_t)n;
  }
  if (close(fd) != 0) die("cannot close", path);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s BODIES_DIR OUT_DIR\n", argv[0]);
    return 2;
  }
  const char *in_dir = argv[1], *out_dir = argv[2];
  if (mkdir(out_dir, 0755) != 0 && errno != EEXIST) die("cannot create", out_dir);

  cmark_gfm_core_extensions_ensure_registered();
  cmark_syntax_extension *extensions[EXTENSION_COUNT];
  for (size_t i = 0; i < EXTENSION_COUNT; i++) {
    extensions[i] = cmark_find_syntax_extension(extension_names[i]);
    if (!extensions[i]) {
      fprintf(stderr, "floor: libcmark-gfm has no `%s` extension\n", extension_names[i]);
      return 1;
    }
  }
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES;

  DIR *dir = opendir(in_dir);
  if (!dir) die("cannot open", in_dir);
  long files = 0;
  size_t bytes_in = 0, bytes_out = 0;
  char path[8192];
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL) {
    size_t name_length = strlen(entry->d_name);
    if (name_length <= 3 || strcmp(entry->d_name + name_length - 3, ".md") != 0) continue;

    snprintf(path, sizeof path, "%s/%s", in_dir, entry->d_name);
    size_t length;
    char *markdown = read_file(path, &length);

    cmark_parser *parser = cmark_parser_new(options);
    for (size_t i = 0; i < EXTENSION_COUNT; i++) cmark_parser_attach_syntax_extension(parser, extensions[i]);
    cmark_parser_feed(parser, markdown, length);
    cmark_node *document = cmark_parser_finish(parser);
    char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
    size_t html_length = strlen(html);

    snprintf(path, sizeof path, "%s/%.*s", out_dir, (int)(name_length - 3), entry->d_name);
    if (mkdir(path, 0755) != 0 && errno != EEXIST) die("cannot create", path);
    snprintf(path, sizeof path, "%s/%.*s/index.html", out_dir, (int)(name_length - 3), entry->d_name);
    write_file(path, html, html_length);

    files++;
    bytes_in += length;
    bytes_out += html_length;
    free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    free(markdown);
  }
  closedir(dir);
  printf("floor: %ld files, %zu bytes of Markdown in, %zu bytes of HTML out\n", files, bytes_in, bytes_out);
  return 0;
}
