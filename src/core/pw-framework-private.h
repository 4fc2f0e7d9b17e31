/* pw-framework-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pw-framework.h"
#include "pw-json-reader.h"

G_BEGIN_DECLS

/* For the workbook reader, which reads the framework embedded in a file. */
PwFramework *_pw_framework_new_from_node (JsonNode      *node,
                                          PwJsonReader  *reader);
gboolean     _pw_framework_check_format  (JsonObject    *object,
                                          const char    *path,
                                          GError       **error);

G_END_DECLS
