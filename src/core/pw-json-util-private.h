/* pw-json-util-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Members from a newer file, kept with the model object they were read
 * into so that the writer puts them back. */
void          _pw_json_set_unknown          (gpointer            object,
                                             JsonObject         *unknown);
JsonObject   *_pw_json_get_unknown          (gpointer            object);
void          _pw_json_set_unknown_named    (gpointer            object,
                                             const char         *slot,
                                             JsonObject         *unknown);
JsonObject   *_pw_json_get_unknown_named    (gpointer            object,
                                             const char         *slot);

G_END_DECLS
