/* pw-step-row.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PW_TYPE_STEP_ROW (pw_step_row_get_type ())

G_DECLARE_FINAL_TYPE (PwStepRow, pw_step_row, PW, STEP_ROW, GtkListBoxRow)

GtkWidget  *pw_step_row_new          (guint       page,
                                      const char *title);
guint       pw_step_row_get_page     (PwStepRow  *self);
const char *pw_step_row_get_title    (PwStepRow  *self);
guint       pw_step_row_get_answered (PwStepRow  *self);
guint       pw_step_row_get_total    (PwStepRow  *self);
void        pw_step_row_set_counts   (PwStepRow  *self,
                                      guint       answered,
                                      guint       total);
void        pw_step_row_reveal       (PwStepRow  *self);

G_END_DECLS
