/* pw-window.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

#define PW_TYPE_WINDOW (pw_window_get_type ())

G_DECLARE_FINAL_TYPE (PwWindow, pw_window, PW, WINDOW, AdwApplicationWindow)

PwWindow   *pw_window_new             (AdwApplication    *application,
                                       PwSession         *session);
PwSession  *pw_window_get_session     (PwWindow          *self);
PwDocument *pw_window_get_document    (PwWindow          *self);
gboolean    pw_window_is_empty        (PwWindow          *self);
void        pw_window_open_file       (PwWindow          *self,
                                       GFile             *file);
void        pw_window_restore_draft   (PwWindow          *self,
                                       const PwDraftInfo *info);
void        pw_window_show_toast      (PwWindow          *self,
                                       const char        *text);
void        pw_window_show_undo_toast (PwWindow          *self,
                                       const char        *text);
PwWindow   *pw_window_find_for_file   (GtkApplication    *application,
                                       GFile             *file);

G_END_DECLS
