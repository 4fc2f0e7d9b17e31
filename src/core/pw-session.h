/* pw-session.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pw-drafts.h"
#include "pw-types.h"

G_BEGIN_DECLS

#define PW_TYPE_SESSION (pw_session_get_type ())

G_DECLARE_FINAL_TYPE (PwSession, pw_session, PW, SESSION, GObject)

PwSession  *pw_session_new                    (GSettings   *settings,
                                               PwDrafts    *drafts);
GSettings  *pw_session_get_settings           (PwSession   *self);
PwDrafts   *pw_session_get_drafts             (PwSession   *self);
gboolean    pw_session_begin                  (PwSession   *self,
                                               GError     **error);
GPtrArray  *pw_session_take_recovered         (PwSession   *self);
gboolean    pw_session_end                    (PwSession   *self,
                                               GError     **error);
gboolean    pw_session_get_autosave           (PwSession   *self);
guint       pw_session_get_autosave_interval  (PwSession   *self);
char       *pw_session_dup_facilitator_name   (PwSession   *self);

G_END_DECLS
