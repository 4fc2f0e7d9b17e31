/* pw-window.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-migration-dialog.h"
#include "pw-welcome-page.h"
#include "pw-window-private.h"
#include "pw-wizard.h"

#define EXAMPLE_RESOURCE RESOURCE_PREFIX "/examples/larkspur.phasewise"

/**
 * PwWindow:
 *
 * A window shows one #PwDocument, or its welcome page: an #AdwViewStack
 * of the areas of a workbook (Assess, Organization Map, Policy and Report), with a view switcher in the
 * header and at the bottom when the window is narrow, shown once there is
 * more than one area.
 *
 * The document does the work: loading, saving, drafts, the watch on the
 * file, undo.  The window asks the questions: before work is lost (close,
 * new, open), when someone else changed the file, where to save.  Each
 * question carries what to do after it as its own continuation, so that
 * an answer never runs what another question was about.
 */

G_DEFINE_FINAL_TYPE (PwWindow, pw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SHOW_SIDEBAR,
  PROP_FULLSCREEN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* ------------------------------------------------------------------------
 * The document shown
 */

gboolean
_pw_window_get_busy (PwWindow *self)
{
  return self->opening > 0 || (self->document != NULL && pw_document_get_busy (self->document));
}

static void update_title_stack (PwWindow *self);
static void update_migration_bar (PwWindow *self);

static void
update_title (PwWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  const char *location;

  if (self->document == NULL || pw_document_get_workbook (self->document) == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Phasewise"));
      return;
    }

  if (pw_document_get_modified (self->document))
    /* Translators: the title of a workbook with unsaved changes */
    title = g_strdup_printf (_("• %s"), pw_document_get_title (self->document));
  else
    title = g_strdup (pw_document_get_title (self->document));
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_window_title_set_title (self->workbook_title, title);

  location = pw_document_get_location (self->document);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        location ? location : _("Not saved yet"));
  adw_window_title_set_subtitle (self->workbook_title,
                                 location ? location : _("Not saved yet"));

  /* Translators: the window title: the workbook's name, then the app's */
  window_title = g_strdup_printf (_("%s — Phasewise"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* The switchers show once there is more than one area to switch to;
 * until then they have no stack and are hidden, and a plain title takes
 * the switcher title's place, so that no one-tab list is there to be read
 * out either. */
static void
update_switchers (PwWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);
  guint n_visible = 0;
  gboolean several;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_view_stack_page_get_visible (page))
        n_visible++;
    }

  several = n_visible > 1;
  adw_view_switcher_title_set_stack (self->switcher_title, several ? self->view_stack : NULL);
  adw_view_switcher_bar_set_stack (self->switcher_bar, several ? self->view_stack : NULL);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, several);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), several);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), several);
  update_title_stack (self);
}

static void
update_title_stack (PwWindow *self)
{
  const char *name = "welcome";

  if (self->document != NULL)
    name = gtk_widget_get_visible (GTK_WIDGET (self->switcher_title)) ? "workbook"
                                                                       : "workbook-single";
  gtk_stack_set_visible_child_name (self->title_stack, name);
}

static void
document_changed_cb (PwWindow *self)
{
  update_title (self);
  _pw_window_actions_update (self);

  /* A close asked for during a save waits for it (pw_window_close_request()) */
  if (self->close_when_idle && !pw_document_get_busy (self->document))
    {
      self->close_when_idle = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* The "changed by someone else" toast: it shows at once (high priority),
 * and goes once the file is as it was, or another takes the window's
 * place; the window paces both (_pw_window_dismiss_toast()). */
static void
reload_toast_cb (PwWindow *self)
{
  _pw_window_reload (self);
}

static void
disk_toast_dismissed_cb (PwWindow *self,
                         AdwToast *toast)
{
  if (self->disk_toast != toast)
    return;

  g_clear_object (&self->disk_toast);
}

static void
dismiss_disk_toast (PwWindow *self)
{
  if (self->disk_toast == NULL)
    return;

  /* Not shown yet: it goes without being seen */
  if (_pw_window_dismiss_toast (self, self->disk_toast))
    g_clear_object (&self->disk_toast);
}

static void
changed_on_disk_cb (PwWindow *self)
{
  if (!pw_document_get_changed_on_disk (self->document))
    {
      dismiss_disk_toast (self);
      return;
    }

  if (self->disk_toast != NULL)
    {
      /* Changed again before it went: it stays. */
      _pw_window_keep_toast (self, self->disk_toast);
      return;
    }

  self->disk_toast = adw_toast_new (_("The file was changed by someone else"));
  adw_toast_set_button_label (self->disk_toast, _("_Reload"));
  adw_toast_set_timeout (self->disk_toast, 0);
  adw_toast_set_priority (self->disk_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->disk_toast, "button-clicked", G_CALLBACK (reload_toast_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->disk_toast, "dismissed", G_CALLBACK (disk_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  _pw_window_add_toast (self, g_object_ref (self->disk_toast));
}

static void
draft_failed_cb (PwWindow     *self,
                 const GError *error)
{
  g_autofree char *text = NULL;

  /* Translators: %s says why; the changes are still in the window */
  text = g_strdup_printf (_("Unsaved changes cannot be kept as a draft: %s"), error->message);
  pw_window_show_toast (self, text);
}

static void
set_document (PwWindow   *self,
              PwDocument *document)
{
  if (self->document == document)
    return;

  dismiss_disk_toast (self);

  /* Another document takes this one's place only once the user chose to
   * lose its changes (_pw_window_when_safe()): its draft goes with it. */
  if (self->document != NULL && document != NULL)
    pw_document_discard_draft (self->document);

  g_set_object (&self->document, document);
  self->undo_toast_step = NULL;
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->history_signals,
                             document ? pw_document_get_history (document) : NULL);

  pw_assess_page_set_document (self->assess_page, document);
  pw_map_page_set_document (self->map_page, document);
  pw_policy_page_set_document (self->policy_page, document);
  pw_report_page_set_document (self->report_page, document);
  if (document != NULL)
    changed_on_disk_cb (self);
  gtk_stack_set_visible_child_name (self->main_stack, document ? "workbook" : "welcome");
  /* Nothing to save on the welcome page: no Save button there either */
  gtk_widget_set_visible (self->save_button, document != NULL);
  update_switchers (self);
  update_title (self);
  update_migration_bar (self);
  _pw_window_actions_update (self);

  /* Said once, as the workbook opens: its results are not the bundled
   * framework's although it bears that framework's name and version. */
  if (document != NULL && pw_document_get_workbook (document) != NULL
      && pw_framework_differs_from_bundled (
           pw_workbook_get_framework (pw_document_get_workbook (document))))
    _pw_window_show_error (self,
                           /* Translators: the heading of a message as a workbook opens whose
                            * framework bears the name and version of the one that comes with
                            * Phasewise but was changed */
                           _("Changed Framework"),
                           _("This workbook’s framework differs from the one that comes with "
                             "Phasewise under the same name and version; its results are not "
                             "that framework’s."));
}

/* ------------------------------------------------------------------------
 * Migrating to the framework that comes with Phasewise
 */

static PwFramework *
get_bundled (PwWindow *self)
{
  if (self->bundled == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->bundled = pw_framework_load_bundled (&error);
      if (self->bundled == NULL)
        g_debug ("The bundled framework could not be read: %s", error->message);
    }

  return self->bundled;
}

/* Whether the workbook shown uses an older version of the framework that
 * comes with Phasewise */
gboolean
_pw_window_can_migrate (PwWindow *self)
{
  PwWorkbook *workbook;
  PwFramework *bundled;

  if (self->document == NULL || (workbook = pw_document_get_workbook (self->document)) == NULL)
    return FALSE;

  bundled = get_bundled (self);
  return bundled != NULL && pw_migration_is_available (workbook, bundled);
}

/* The bar above the content says so until the workbook is migrated, and
 * again once the migration is undone: nothing changes until asked. */
static void
update_migration_bar (PwWindow *self)
{
  gboolean available = _pw_window_can_migrate (self);

  if (available)
    {
      PwFramework *framework = pw_workbook_get_framework (pw_document_get_workbook (self->document));
      g_autofree char *text = NULL;

      /* Translators: on a bar above a workbook; both %s are version numbers such as 2.0.0 */
      text = g_strdup_printf (_("This workbook uses version %s of the framework; version %s "
                                "comes with Phasewise."),
                              pw_framework_get_version (framework),
                              pw_framework_get_version (self->bundled));
      gtk_label_set_label (self->migration_label, text);
    }
  gtk_revealer_set_reveal_child (self->migration_bar, available);
}

static void
workbook_changed_cb (PwWindow *self)
{
  update_migration_bar (self);
  _pw_window_actions_update (self);
}

static void
migrated_cb (PwWindow *self)
{
  PwWorkbook *workbook = pw_document_get_workbook (self->document);
  g_autofree char *text = NULL;

  /* Translators: a toast after a migration, with an Undo button; %s is a
   * version number such as 2.0.0 */
  text = g_strdup_printf (_("Migrated to version %s of the framework"),
                          pw_framework_get_version (pw_workbook_get_framework (workbook)));
  pw_window_show_undo_toast (self, text);
}

/* win.migrate-framework: what the migration will do, in a dialog, and
 * nothing before the user presses Migrate there */
void
_pw_window_migrate_framework (PwWindow *self)
{
  g_autoptr(PwMigration) migration = NULL;
  g_autoptr(GError) error = NULL;
  PwMigrationDialog *dialog;

  if (_pw_window_get_busy (self) || !_pw_window_can_migrate (self))
    return;

  migration = pw_migration_new (pw_document_get_workbook (self->document), self->bundled,
                                &error);
  if (migration == NULL)
    {
      g_debug ("No migration: %s", error->message);
      _pw_window_show_error (self,
                             /* Translators: the heading of a message when a workbook cannot
                              * be migrated to the framework that comes with Phasewise */
                             _("Cannot Migrate the Workbook"),
                             error->message);
      return;
    }

  dialog = pw_migration_dialog_new (GTK_WINDOW (self), self->document, migration);
  g_signal_connect_object (dialog, "migrated", G_CALLBACK (migrated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------
 * Opening
 */

/* The reader's message for people: its leading "7:5: " in words, "Line 7,
 * column 5: ", and a double quote mark it found named, not put in quotes. */
static char *
describe_open_error (const char *message)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *rest = message;
  guint64 line = 0, column = 0;
  char *end;

  if (g_ascii_isdigit (*message))
    {
      line = g_ascii_strtoull (message, &end, 10);
      if (*end == ':' && g_ascii_isdigit (end[1]))
        {
          column = g_ascii_strtoull (end + 1, &end, 10);
          if (g_str_has_prefix (end, ": ") && line > 0 && column > 0
              && line <= G_MAXUINT && column <= G_MAXUINT)
            rest = end + 2;
        }
    }
  if (rest != message)
    /* Translators: where in a file that cannot be opened the problem is,
     * before what the problem is: "Line 7, column 5: Unexpected character…" */
    g_string_append_printf (text, _("Line %u, column %u: "), (guint) line, (guint) column);
  g_string_append (text, rest);

  /* Translators: a double quote mark in quotation marks, as the messages
   * about files that cannot be opened quote a character ("Unexpected
   * character “%s”…"): use the same quotation marks as their translation */
  g_string_replace (text, _("“\"”"),
                    /* Translators: replaces “"” in a message about a file that cannot
                     * be opened: the character found was a double quote mark */
                    _("\" (a double quote mark)"), 0);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  PwWindow *window;
  char     *heading;
  char     *body;
  GFile    *backup;
} OpenError;

static void
open_error_free (OpenError *data)
{
  g_object_unref (data->window);
  g_free (data->heading);
  g_free (data->body);
  g_object_unref (data->backup);
  g_free (data);
}

static void
backup_queried_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  OpenError *data = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, NULL);
  g_autofree char *body = NULL;

  if (g_cancellable_is_cancelled (data->window->cancellable))
    {
      open_error_free (data);
      return;
    }

  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    {
      g_autofree char *folder = pw_document_describe_location (data->backup);
      g_autofree char *name = g_file_get_basename (data->backup);
      g_autofree char *where = g_build_filename (folder, name, NULL);

      /* Translators: below why a file cannot be opened; %s is where the
       * backup that saving it made is kept, "~/.local/share/…/backups/…" */
      body = g_strdup_printf (_("%s\n\nA backup of the previous version is kept as “%s”."),
                              data->body, where);
    }

  _pw_window_show_error (data->window, data->heading, body ? body : data->body);
  open_error_free (data);
}

/* Says why @file cannot be opened, and where its backup is when there is one. */
static void
show_open_error (PwWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  OpenError *data = g_new0 (OpenError, 1);
  g_autofree char *name = g_file_get_basename (file);

  data->window = g_object_ref (self);
  /* Translators: %s is a file name */
  data->heading = g_strdup_printf (_("Could not open “%s”"), name);
  data->body = describe_open_error (error->message);
  data->backup = pw_file_get_backup_file (file);
  g_file_query_info_async (data->backup, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->cancellable, backup_queried_cb, data);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PwWindow) self = user_data;
  PwDocument *document = PW_DOCUMENT (object);
  g_autoptr(GError) error = NULL;
  GFile *file = g_object_get_data (object, "pw-file");
  g_autofree char *uri = g_file_get_uri (file);

  self->opening--;

  if (pw_document_load_finish (document, result, &error))
    {
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      set_document (self, document);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* A file that cannot be opened leaves the recent workbooks. */
      gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
      show_open_error (self, file, error);
    }

  _pw_window_actions_update (self);
  g_object_unref (document);
}

static void
open_now (PwWindow *self,
          gpointer  data)
{
  GFile *file = data;
  PwDocument *document = pw_document_new (self->session);

  g_object_set_data_full (G_OBJECT (document), "pw-file", g_object_ref (file), g_object_unref);
  self->opening++;
  pw_document_load_async (document, file, self->cancellable, loaded_cb, g_object_ref (self));
  _pw_window_actions_update (self);
}

/**
 * pw_window_find_for_file:
 *
 * Returns: (transfer none) (nullable): the window of @application that
 *   shows @file, if any
 */
PwWindow *
pw_window_find_for_file (GtkApplication *application,
                         GFile          *file)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      PwDocument *document;

      if (!PW_IS_WINDOW (l->data) || (document = PW_WINDOW (l->data)->document) == NULL)
        continue;
      if (pw_document_get_file (document) != NULL
          && g_file_equal (pw_document_get_file (document), file))
        return l->data;
    }

  return NULL;
}

/**
 * pw_window_open_file:
 *
 * Opens @file in this window, asking first about unsaved changes.  When
 * another window shows it already, that window is presented instead.
 */
void
pw_window_open_file (PwWindow *self,
                     GFile    *file)
{
  GtkApplication *app;
  PwWindow *other = NULL;

  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    other = pw_window_find_for_file (app, file);

  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }

  _pw_window_when_safe (self, open_now, g_object_ref (file), g_object_unref);
}

static void
open_response_cb (GtkFileChooserNative *native,
                  int                   response,
                  PwWindow             *self)
{
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (chosen != NULL)
    pw_window_open_file (self, chosen);
}

void
_pw_window_choose_file (PwWindow *self)
{
  GtkFileChooserNative *native;

  native = _pw_window_create_chooser (self, _("Open Workbook"),
                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
new_now (PwWindow *self,
         gpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwDocument) document = NULL;

  if (framework == NULL)
    {
      _pw_window_show_error (self, _("The bundled framework could not be read"), error->message);
      return;
    }

  workbook = pw_workbook_new (framework);
  document = pw_document_new_for_workbook (self->session, workbook, NULL);
  set_document (self, document);
}

void
_pw_window_new_workbook (PwWindow *self)
{
  _pw_window_when_safe (self, new_now, NULL, NULL);
}

static void
example_now (PwWindow *self,
             gpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  /* From the program's resources, in memory: no file to read. */
  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    workbook = pw_workbook_load_from_bytes (bytes, &error);

  if (workbook == NULL)
    {
      _pw_window_show_error (self, _("The example could not be opened"), error->message);
      return;
    }

  /* Translators: the name of the example workbook before it is saved */
  name = g_strdup_printf (_("%s (Example)"), pw_workbook_get_name (workbook));
  document = pw_document_new_for_workbook (self->session, workbook, name);
  set_document (self, document);
}

void
_pw_window_open_example (PwWindow *self)
{
  _pw_window_when_safe (self, example_now, NULL, NULL);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PwWindow) self = user_data;
  PwDocument *document = PW_DOCUMENT (object);
  g_autoptr(GError) error = NULL;

  self->opening--;

  if (!pw_document_restore_draft_finish (document, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _pw_window_show_error (self, _("A Draft Could Not Be Recovered"), error->message);
    }
  else
    {
      set_document (self, document);
      /* The file changed after the draft's changes began: one toast says
       * both, with Reload */
      if (self->disk_toast != NULL)
        adw_toast_set_title (self->disk_toast,
                             _("Recovered unsaved changes; the file was changed by someone "
                               "else since"));
      else
        pw_window_show_toast (self, _("Recovered unsaved changes from the last session"));
    }

  _pw_window_actions_update (self);
  g_object_unref (document);
}

/**
 * pw_window_restore_draft:
 *
 * Opens a draft left by a session that crashed, as a modified workbook
 * that belongs to its original file, if it had one.
 */
void
pw_window_restore_draft (PwWindow          *self,
                         const PwDraftInfo *info)
{
  PwDocument *document;

  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (info != NULL);

  document = pw_document_new (self->session);
  self->opening++;
  pw_document_restore_draft_async (document, info, self->cancellable, restored_cb,
                                   g_object_ref (self));
  _pw_window_actions_update (self);
}

/* ------------------------------------------------------------------------
 * On a projector: full screen, the sidebar hidden, the content zoomed
 */

static void
set_show_sidebar (PwWindow *self,
                  gboolean  show_sidebar)
{
  show_sidebar = !!show_sidebar;
  if (self->show_sidebar == show_sidebar)
    return;

  self->show_sidebar = show_sidebar;
  pw_assess_page_set_sidebar_visible (self->assess_page, show_sidebar);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_SIDEBAR]);
}

static void
set_fullscreen (PwWindow *self,
                gboolean  fullscreen)
{
  fullscreen = !!fullscreen;
  if (self->fullscreen == fullscreen)
    return;

  self->fullscreen = fullscreen;
  if (fullscreen)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FULLSCREEN]);
}

/* The window manager may end full screen itself (or refuse it): the
 * action's state follows. */
static void
fullscreened_cb (PwWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  if (self->fullscreen == fullscreen)
    return;

  self->fullscreen = fullscreen;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FULLSCREEN]);
}

const int pw_window_zoom_levels[] = { 50, 70, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300 };
const guint pw_window_n_zoom_levels = G_N_ELEMENTS (pw_window_zoom_levels);

/* One style sheet for every window: a class per zoom level, which scales
 * the text set in points (through the resolution they are computed at)
 * and the text that inherits its size. */
static GtkCssProvider *zoom_provider;

static void
load_zoom_css (GtkSettings *settings)
{
  g_autoptr(GString) css = g_string_new (NULL);
  int xft_dpi = 0;
  double dpi;

  g_object_get (settings, "gtk-xft-dpi", &xft_dpi, NULL);
  dpi = xft_dpi > 0 ? xft_dpi / 1024.0 : 96.0;

  for (guint i = 0; i < pw_window_n_zoom_levels; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      int level = pw_window_zoom_levels[i];

      if (level == 100)
        continue;
      g_ascii_formatd (number, sizeof number, "%.3f", dpi * level / 100.0);
      g_string_append_printf (css, ".pw-zoom-%d { -gtk-dpi: %s; font-size: %d%%; }\n",
                              level, number, level);
    }

  gtk_css_provider_load_from_data (zoom_provider, css->str, (gssize) css->len);
}

static void
ensure_zoom_css (GdkDisplay *display)
{
  GtkSettings *settings;

  if (zoom_provider != NULL)
    return;

  settings = gtk_settings_get_for_display (display);
  zoom_provider = gtk_css_provider_new ();
  load_zoom_css (settings);
  g_signal_connect (settings, "notify::gtk-xft-dpi", G_CALLBACK (load_zoom_css), NULL);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (zoom_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The zoom level nearest to @zoom */
static int
snap_zoom (int zoom)
{
  int best = 100;

  for (guint i = 0; i < pw_window_n_zoom_levels; i++)
    if (ABS (pw_window_zoom_levels[i] - zoom) < ABS (best - zoom))
      best = pw_window_zoom_levels[i];

  return best;
}

/**
 * _pw_window_get_zoom:
 *
 * Returns: the zoom of the content, in percent: one of the levels
 */
int
_pw_window_get_zoom (PwWindow *self)
{
  return snap_zoom (g_settings_get_int (pw_session_get_settings (self->session), "zoom"));
}

/* Every window takes the new zoom: see zoom_changed_cb(). */
void
_pw_window_set_zoom (PwWindow *self,
                     int       zoom)
{
  g_settings_set_int (pw_session_get_settings (self->session), "zoom", snap_zoom (zoom));
}

static void
zoom_changed_cb (PwWindow *self)
{
  GtkWidget *content = GTK_WIDGET (self->toast_overlay);
  int zoom = _pw_window_get_zoom (self);

  ensure_zoom_css (gtk_widget_get_display (GTK_WIDGET (self)));

  for (guint i = 0; i < pw_window_n_zoom_levels; i++)
    {
      char name[32];

      g_snprintf (name, sizeof name, "pw-zoom-%d", pw_window_zoom_levels[i]);
      if (pw_window_zoom_levels[i] == zoom && zoom != 100)
        gtk_widget_add_css_class (content, name);
      else
        gtk_widget_remove_css_class (content, name);
    }

  _pw_window_actions_update (self);
}

/* ------------------------------------------------------------------------
 * Names for screen readers
 */

/* GTK 4.8 names a button with a mnemonic by its raw label, which it sets
 * as the button's accessible label, and then its label's text ("_Open
 * Open"): without that accessible label, the buttons of the window's
 * templates are named by their text alone. */
static void
name_mnemonic_buttons (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget))
      && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_mnemonic_buttons (child);
}

/* ------------------------------------------------------------------------
 * Alt+Left and Alt+Right
 */

/* The wizard's page keys, wherever the focus is: in the sidebar (whose
 * leaflet would take them to go back and forth between list and content),
 * on the header's buttons, in the wizard.  Only when the wizard is shown
 * and has a page that way; otherwise the keys go on to the leaflet, which
 * goes between the list and the wizard when folded. */
static gboolean
step_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  PwWindow *self = PW_WINDOW (widget);
  gboolean forward = GPOINTER_TO_INT (user_data) > 0;
  GtkWidget *wizard;
  guint page;

  if (self->document == NULL)
    return FALSE;

  wizard = pw_assess_page_get_wizard (self->assess_page);
  if (!PW_IS_WIZARD (wizard) || !gtk_widget_get_mapped (wizard))
    return FALSE;

  page = pw_wizard_get_page (PW_WIZARD (wizard));
  if (forward ? page + 1 >= pw_wizard_get_n_pages (PW_WIZARD (wizard)) : page == 0)
    return FALSE;

  return gtk_widget_activate_action (wizard, forward ? "wizard.next" : "wizard.previous", NULL);
}

static void
add_step_shortcuts (PwWindow *self)
{
  static const struct {
    guint keyval;
    int   direction;
  } keys[] = {
    { GDK_KEY_Left, -1 },
    { GDK_KEY_KP_Left, -1 },
    { GDK_KEY_Right, 1 },
    { GDK_KEY_KP_Right, 1 },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Before the focused widget and its parents see the keys */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "pw-step-shortcuts");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i].keyval, GDK_ALT_MASK);
      GtkShortcutAction *action =
        gtk_callback_action_new (step_shortcut_cb, GINT_TO_POINTER (keys[i].direction), NULL);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* ------------------------------------------------------------------------
 * GObject
 */

static void
close_now (PwWindow *self,
           gpointer  data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
pw_window_close_request (GtkWindow *window)
{
  PwWindow *self = PW_WINDOW (window);
  int width, height;

  /* A save in progress finishes first: closing would cancel it. */
  if (self->document != NULL && pw_document_get_busy (self->document))
    {
      self->close_when_idle = TRUE;
      return TRUE;
    }

  if (!self->close_confirmed && self->document != NULL
      && pw_document_get_modified (self->document))
    {
      _pw_window_when_safe (self, close_now, NULL, NULL);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (pw_session_get_settings (self->session), "window-width", width);
  g_settings_set_int (pw_session_get_settings (self->session), "window-height", height);
  g_settings_set_boolean (pw_session_get_settings (self->session), "window-maximized",
                          gtk_window_is_maximized (window));

  if (self->document != NULL)
    pw_document_discard_draft (self->document);
  set_document (self, NULL);

  return GTK_WINDOW_CLASS (pw_window_parent_class)->close_request (window);
}

static gboolean
drop_cb (PwWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  pw_window_open_file (self, files->data);
  g_slist_free (files);

  return TRUE;
}

static void
pw_window_constructed (GObject *object)
{
  PwWindow *self = (PwWindow *)object;
  GSettings *settings;

  G_OBJECT_CLASS (pw_window_parent_class)->constructed (object);

  g_assert (PW_IS_SESSION (self->session));

  settings = pw_session_get_settings (self->session);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (settings, "changed::zoom", G_CALLBACK (zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);
  zoom_changed_cb (self);

  /* The welcome page, with nothing to save or undo yet */
  gtk_widget_set_visible (self->save_button, FALSE);
  update_switchers (self);
  update_title (self);
  _pw_window_actions_update (self);
}

static void
pw_window_dispose (GObject *object)
{
  PwWindow *self = (PwWindow *)object;

  g_cancellable_cancel (self->cancellable);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  /* libadwaita 1.2 criticals when a switcher outlives its stack. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);

  _pw_window_clear_toasts (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WINDOW);

  g_clear_object (&self->disk_toast);
  g_clear_object (&self->document);
  g_clear_object (&self->bundled);
  if (self->report_exporter != NULL)
    pw_report_exporter_cancel (self->report_exporter);
  g_clear_object (&self->report_exporter);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pw_window_parent_class)->dispose (object);
}

static void
pw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PwWindow *self = PW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    case PROP_FULLSCREEN:
      g_value_set_boolean (value, self->fullscreen);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PwWindow *self = PW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_SHOW_SIDEBAR:
      set_show_sidebar (self, g_value_get_boolean (value));
      break;

    case PROP_FULLSCREEN:
      set_fullscreen (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_window_class_init (PwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pw_window_constructed;
  object_class->dispose = pw_window_dispose;
  object_class->get_property = pw_window_get_property;
  object_class->set_property = pw_window_set_property;
  window_class->close_request = pw_window_close_request;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * PwWindow:show-sidebar:
   *
   * Whether the list of assessments is shown (F9, `win.show-sidebar`).
   */
  properties [PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * PwWindow:fullscreen:
   *
   * Whether the window is full screen, or was asked to be (F11,
   * `win.fullscreen`); it follows #GtkWindow:fullscreened when the window
   * manager changes that.
   */
  properties [PROP_FULLSCREEN] =
    g_param_spec_boolean ("fullscreen", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PW_TYPE_ASSESS_PAGE);
  g_type_ensure (PW_TYPE_MAP_PAGE);
  g_type_ensure (PW_TYPE_POLICY_PAGE);
  g_type_ensure (PW_TYPE_REPORT_PAGE);
  g_type_ensure (PW_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, workbook_title);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, assess_page);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, map_page);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, policy_page);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, report_page);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, migration_bar);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, migration_label);

  _pw_window_class_actions_init (widget_class);
}

static void
pw_window_init (PwWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->show_sidebar = TRUE;
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);

  self->document_signals = g_signal_group_new (PW_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::title",
                                  G_CALLBACK (document_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::location",
                                  G_CALLBACK (document_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::modified",
                                  G_CALLBACK (document_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::busy",
                                  G_CALLBACK (document_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::changed-on-disk",
                                  G_CALLBACK (changed_on_disk_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::workbook",
                                  G_CALLBACK (workbook_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "draft-failed",
                                  G_CALLBACK (draft_failed_cb), self);

  self->history_signals = g_signal_group_new (PW_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-undo",
                                  G_CALLBACK (_pw_window_actions_update), self);
  g_signal_group_connect_swapped (self->history_signals, "notify::can-redo",
                                  G_CALLBACK (_pw_window_actions_update), self);

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->report_exporter = pw_report_exporter_new (GTK_WINDOW (self), self->toast_overlay);
  pw_report_page_set_exporter (self->report_page, self->report_exporter);

  add_step_shortcuts (self);
  name_mnemonic_buttons (GTK_WIDGET (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * pw_window_new:
 * @session: what the windows of the application share
 *
 * Returns: (transfer full): a new window, showing its welcome page
 */
PwWindow *
pw_window_new (AdwApplication *application,
               PwSession      *session)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  return g_object_new (PW_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

/**
 * pw_window_get_session:
 *
 * Returns: (transfer none): the session of the window
 */
PwSession *
pw_window_get_session (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * pw_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
PwDocument *
pw_window_get_document (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);
  return self->document;
}

/**
 * pw_window_is_empty:
 *
 * Returns: %TRUE when the window shows its welcome page and opens nothing
 */
gboolean
pw_window_is_empty (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), FALSE);
  return self->document == NULL && self->opening == 0;
}
