/* pw-json-check.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pw-error.h"

G_BEGIN_DECLS

#define PW_JSON_DEFAULT_MAX_BYTES  ((gsize) 64 * 1024 * 1024)
#define PW_JSON_DEFAULT_MAX_DEPTH  64
#define PW_JSON_DEFAULT_MAX_STRING ((gsize) 1024 * 1024)
#define PW_JSON_DEFAULT_MAX_VALUES ((gsize) 4000000)

/**
 * PwJsonLimits:
 * @max_bytes: size of the whole document in bytes; 0 means
 *   %PW_JSON_DEFAULT_MAX_BYTES (64 MiB)
 * @max_depth: how deeply arrays and objects may nest; 0 means
 *   %PW_JSON_DEFAULT_MAX_DEPTH (64)
 * @max_string: bytes of one string or member name after unescaping; 0 means
 *   %PW_JSON_DEFAULT_MAX_STRING (1 MiB)
 * @max_values: how many values (objects, arrays, strings, numbers, true,
 *   false and null; member names are not values) the document may hold; 0
 *   means %PW_JSON_DEFAULT_MAX_VALUES (4 million).  json-glib keeps a node
 *   of 100 to 300 bytes for each, so this bounds the memory a parse takes:
 *   64 MiB of "{}," would otherwise cost some 6 GB.  A workbook at every
 *   documented maximum (10,000 assessments of the bundled framework's 46
 *   questions, each with a note and evidence) holds about 2 million.
 *
 * Limits for pw_json_check().  Initialise unused fields to 0.
 */
typedef struct
{
  gsize max_bytes;
  guint max_depth;
  gsize max_string;
  gsize max_values;
} PwJsonLimits;

gboolean pw_json_check (const char          *data,
                        gsize                length,
                        const PwJsonLimits  *limits,
                        GError             **error);

G_END_DECLS
