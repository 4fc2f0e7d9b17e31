/* pw-link.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pw-types.h"

G_BEGIN_DECLS

#define PW_TYPE_LINK (pw_link_get_type ())

G_DECLARE_FINAL_TYPE (PwLink, pw_link, PW, LINK, GObject)

PwLink     *pw_link_new      (const char *from,
                              const char *to);
const char *pw_link_get_from (PwLink     *self);
const char *pw_link_get_to   (PwLink     *self);
gboolean    pw_link_connects (PwLink     *self,
                              const char *team_id);

G_END_DECLS
