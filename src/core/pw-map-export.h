/* pw-map-export.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "pw-types.h"

G_BEGIN_DECLS

/**
 * PwMapExportFormat:
 * @PW_MAP_EXPORT_SVG: a vector picture, SVG 1.1
 * @PW_MAP_EXPORT_PNG: a picture of pixels, two a map unit when not too large
 *
 * What pw_map_export() writes.
 */
typedef enum
{
  PW_MAP_EXPORT_SVG,
  PW_MAP_EXPORT_PNG,
} PwMapExportFormat;

/* A PNG is scaled down so that neither side is larger than this */
#define PW_MAP_EXPORT_MAX_PIXELS 8000

GBytes   *pw_map_export_to_bytes (PwWorkbook         *workbook,
                                  PwMapExportFormat   format,
                                  gboolean            dark,
                                  const GDate        *today,
                                  GError            **error);
gboolean  pw_map_export          (PwWorkbook         *workbook,
                                  PwMapExportFormat   format,
                                  gboolean            dark,
                                  const GDate        *today,
                                  const char         *path,
                                  GError            **error);

cairo_surface_t *pw_map_export_to_recording (PwWorkbook   *workbook,
                                             const GDate  *today,
                                             double       *width,
                                             double       *height,
                                             GBytes      **svg,
                                             GError      **error);

G_END_DECLS
