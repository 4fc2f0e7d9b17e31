/* pw-widget-utils.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "phasewise-core.h"

G_BEGIN_DECLS

GtkWidget *_pw_widget_get_focus       (GtkWidget            *widget);
void       _pw_box_remove_all         (GtkBox               *box);
GtkWidget *_pw_label_new_wrapping     (const char           *text,
                                       PangoWrapMode         wrap_mode,
                                       int                   max_width_chars);
char      *_pw_question_position_text (guint                 index,
                                       guint                 n_questions);
void       _pw_show_change            (GtkWidget            *box,
                                       GtkImage             *icon,
                                       GtkLabel             *label,
                                       const PwResultChange *change);

gboolean _pw_binding_string_to_text (GBinding     *binding,
                                     const GValue *from,
                                     GValue       *to,
                                     gpointer      user_data);
gboolean _pw_binding_text_to_string (GBinding     *binding,
                                     const GValue *from,
                                     GValue       *to,
                                     gpointer      user_data);

G_END_DECLS
