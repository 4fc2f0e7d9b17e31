/* pw-test-ui.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pw-application.h"
#include "pw-test-core.h"
#include "pw-window.h"

G_BEGIN_DECLS

/* Helpers of the tests that drive real windows: they wait for what the test
 * waits for, never for a time. */

typedef gboolean (*PwTestCondition) (gpointer data);
typedef gboolean (*PwTestMatch)     (GtkWidget     *widget,
                                     gconstpointer  data);

void              pw_test_ui_isolate_home (const char      *name);
void              pw_test_ui_load_style   (void);
void              pw_test_ui_flush        (void);
void              pw_test_ui_wait         (PwTestCondition  condition,
                                           gpointer         data,
                                           const char      *what);
GtkWidget        *pw_test_ui_find         (GtkWidget       *root,
                                           PwTestMatch      match,
                                           gconstpointer    data);
GtkWidget        *pw_test_ui_find_widget  (GtkWidget       *root,
                                           GType            type);
GtkWidget        *pw_test_ui_find_button  (GtkWidget       *root,
                                           const char      *action_name);
GtkWidget        *pw_test_ui_find_row     (GtkWidget       *root,
                                           const char      *title);
GtkLabel         *pw_test_ui_find_label   (GtkWidget       *root,
                                           const char      *prefix);
AdwMessageDialog *pw_test_ui_find_dialog  (const char      *heading);
void              pw_test_ui_open_file    (PwWindow        *window,
                                           GFile           *file);
void              pw_test_ui_wait_for_toast (PwWindow      *window,
                                           const char      *prefix);
PwApplication    *pw_test_ui_get_app      (void);
PwWindow         *pw_test_ui_new_window   (void);
void              pw_test_ui_destroy_window (PwWindow      *window);
void              pw_test_ui_respond      (const char      *heading,
                                           const char      *response);

G_END_DECLS
