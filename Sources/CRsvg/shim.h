#ifndef PORTAL_CRSVG_SHIM_H
#define PORTAL_CRSVG_SHIM_H
#include <librsvg/rsvg.h>
#include <cairo.h>
#endif
