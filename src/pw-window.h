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

PwWindow        *pw_window_new                (AdwApplication *application);
PwWorkbook      *pw_window_get_workbook       (PwWindow       *self);
GFile           *pw_window_get_file           (PwWindow       *self);
gboolean         pw_window_is_empty           (PwWindow       *self);
void             pw_window_open_file          (PwWindow       *self,
                                               GFile          *file);
void             pw_window_restore_draft      (PwWindow       *self,
                                               PwDraftInfo    *info);
gboolean         pw_window_get_busy           (PwWindow       *self);
const char      *pw_window_get_draft_id       (PwWindow       *self);
GtkWidget       *pw_window_get_assess_page    (PwWindow       *self);
const char      *pw_window_get_last_error     (PwWindow       *self);
void             pw_window_save_draft_now     (PwWindow       *self);
void             pw_window_save_as_file       (PwWindow       *self,
                                               GFile          *file);

G_END_DECLS
