/* pw-window-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-assess-page.h"
#include "pw-map-page.h"
#include "pw-policy-page.h"
#include "pw-report-page.h"
#include "pw-window.h"

G_BEGIN_DECLS

/* PwWindow spans pw-window.c (showing a document, opening one),
 * pw-window-dialogs.c (the questions that keep its work safe) and
 * pw-window-actions.c (the win.* actions). */

struct _PwWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *title_stack;
  GtkWidget            *save_button;
  AdwWindowTitle       *workbook_title; /* the title while there is one area */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  PwAssessPage         *assess_page;
  PwMapPage            *map_page;
  PwPolicyPage         *policy_page;
  PwReportPage         *report_page;
  PwReportExporter     *report_exporter;
  GtkRevealer          *migration_bar;   /* a newer framework comes with Phasewise */
  GtkLabel             *migration_label;

  PwSession            *session;
  PwDocument           *document;
  PwFramework          *bundled;        /* the framework that comes with Phasewise, once read */
  GSignalGroup         *document_signals;
  GSignalGroup         *history_signals;
  GCancellable         *cancellable;
  AdwToast             *disk_toast;     /* "changed by someone else", while shown */
  AdwToast             *history_toast;  /* "Undone: …", while shown */
  PwHistoryEntry       *undo_toast_step;  /* what an undo toast undoes; compared, never read */
  guint                 undo_toast_depth; /* …and how many steps there were to undo */
  GQueue                pending_toasts;    /* AdwToast, each held, to be shown… */
  GQueue                dismissing_toasts; /* …and to be taken away: see _pw_window_add_toast() */
  gint64                toast_given;       /* the overlay's frame time when it last took a toast */
  gboolean              toast_animating;   /* …and whether it was shown then */
  guint                 toast_tick;        /* the overlay's tick callback that waits for them */
  guint                 opening;        /* documents being loaded to be shown here */
  gboolean              show_sidebar;
  gboolean              fullscreen;     /* asked for, or as the window manager made it */
  gboolean              close_confirmed;
  gboolean              close_when_idle; /* closing once the document's save is done */
};

/* What to do once a question is answered so that no work is lost */
typedef void (*PwWindowContinue) (PwWindow *self,
                                  gpointer  data);

/* The steps of the content's zoom, in percent */
extern const int pw_window_zoom_levels[];
extern const guint pw_window_n_zoom_levels;

void     _pw_window_class_actions_init  (GtkWidgetClass *widget_class);
int      _pw_window_get_zoom            (PwWindow       *self);
void     _pw_window_set_zoom            (PwWindow       *self,
                                         int             zoom);
void     _pw_window_actions_update      (PwWindow       *self);
void     _pw_window_add_toast           (PwWindow       *self,
                                         AdwToast       *toast);
gboolean _pw_window_dismiss_toast       (PwWindow       *self,
                                         AdwToast       *toast);
gboolean _pw_window_keep_toast          (PwWindow       *self,
                                         AdwToast       *toast);
void     _pw_window_clear_toasts        (PwWindow       *self);
gboolean _pw_window_get_busy            (PwWindow       *self);

void     _pw_window_new_workbook        (PwWindow       *self);
void     _pw_window_choose_file         (PwWindow       *self);
void     _pw_window_open_example        (PwWindow       *self);
void     _pw_window_save                (PwWindow       *self);
void     _pw_window_save_as             (PwWindow       *self);
void     _pw_window_export_policy_csv (PwWindow     *self);
void     _pw_window_export_map        (PwWindow     *self,
                                       PwMapExportFormat format);
void     _pw_window_write_map         (PwWindow     *self,
                                       GFile        *file,
                                       PwMapExportFormat format);
void     _pw_window_write_policy_csv  (PwWindow     *self,
                                       GFile        *file);
void     _pw_window_reload              (PwWindow       *self);
gboolean _pw_window_can_migrate         (PwWindow       *self);
void     _pw_window_migrate_framework   (PwWindow       *self);
void     _pw_window_when_safe           (PwWindow         *self,
                                         PwWindowContinue  func,
                                         gpointer          data,
                                         GDestroyNotify    destroy);
void     _pw_window_show_error          (PwWindow       *self,
                                         const char     *heading,
                                         const char     *message);
GtkFileChooserNative *_pw_window_create_chooser (PwWindow             *self,
                                                 const char           *title,
                                                 GtkFileChooserAction  action,
                                                 const char           *accept_label);

G_END_DECLS
