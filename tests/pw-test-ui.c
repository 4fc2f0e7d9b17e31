/* pw-test-ui.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-test-ui"

#include "config.h"

#include "pw-test-ui.h"

/* How long a test may wait for anything before it fails, loaded machines
 * and valgrind included. */
#define WAIT_SECONDS 120

/**
 * pw_test_ui_flush:
 *
 * Dispatches everything pending, without waiting for more.
 */
void
pw_test_ui_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("Timed out after %d s waiting for %s", WAIT_SECONDS, (const char *) user_data);

  return G_SOURCE_REMOVE;
}

/**
 * pw_test_ui_wait:
 * @what: what is waited for, for the message when it never comes
 *
 * Runs the main loop until @condition holds.  The loop sleeps until the
 * next event, and the condition is checked after each one.
 */
void
pw_test_ui_wait (PwTestCondition  condition,
                 gpointer         data,
                 const char      *what)
{
  guint watchdog = g_timeout_add_seconds (WAIT_SECONDS, watchdog_cb, (gpointer) what);

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (watchdog);
}

/**
 * pw_test_ui_find:
 * @root: the top of the tree
 * @match: whether a widget is the one looked for
 * @data: for @match
 *
 * Returns: (transfer none) (nullable): the first widget in the tree of
 *   @root, depth first, that @match accepts
 */
GtkWidget *
pw_test_ui_find (GtkWidget    *root,
                 PwTestMatch   match,
                 gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pw_test_ui_find (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

/**
 * pw_test_ui_find_widget:
 *
 * Returns: (transfer none) (nullable): the first widget of @type in the
 *   tree of @root, depth first
 */
GtkWidget *
pw_test_ui_find_widget (GtkWidget *root,
                        GType      type)
{
  return pw_test_ui_find (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/**
 * pw_test_ui_find_label:
 *
 * Returns: (transfer none) (nullable): a mapped label in the tree of @root
 *   whose text starts with @prefix
 */
GtkLabel *
pw_test_ui_find_label (GtkWidget  *root,
                       const char *prefix)
{
  return GTK_LABEL (pw_test_ui_find (root, is_label_starting, prefix));
}

static gboolean
shows_file (gpointer data)
{
  gpointer *args = data;
  PwDocument *document = pw_window_get_document (args[0]);

  return document != NULL && !pw_document_get_busy (document)
         && pw_document_get_file (document) != NULL
         && g_file_equal (pw_document_get_file (document), args[1]);
}

/**
 * pw_test_ui_open_file:
 *
 * Opens @file in @window as the user's Open does, and waits until the
 * window shows it.
 */
void
pw_test_ui_open_file (PwWindow *window,
                      GFile    *file)
{
  gpointer args[] = { window, file };

  pw_window_open_file (window, file);
  pw_test_ui_wait (shows_file, args, "the file to be shown");
}

static gboolean
has_toast (gpointer data)
{
  gpointer *args = data;

  return pw_test_ui_find_label (args[0], args[1]) != NULL;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

typedef struct
{
  gint64   first_frame;   /* the frame time of the first frame waited for */
  gboolean seen;
} ToastWait;

static gboolean
toast_shown_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  ToastWait *wait = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (wait->first_frame == 0)
    wait->first_frame = now;
  if (now - wait->first_frame < 600 * G_TIME_SPAN_MILLISECOND)
    return G_SOURCE_CONTINUE;

  wait->seen = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * pw_test_ui_wait_for_toast:
 *
 * Waits for a toast of @window whose text starts with @prefix, and then as
 * long as a user takes to see it: libadwaita 1.2 writes to freed memory when
 * a toast is dismissed (its Undo clicked) before its show animation is over,
 * which the window cannot prevent.  The animation runs on the window's
 * frame clock, which stands still while nothing is drawn (a loaded
 * machine): so the wait is 600 ms of frames, not of the wall clock.
 */
void
pw_test_ui_wait_for_toast (PwWindow   *window,
                           const char *prefix)
{
  gpointer args[] = { window, (gpointer) prefix };
  ToastWait wait = { 0, FALSE };

  pw_test_ui_wait (has_toast, args, prefix);
  gtk_widget_add_tick_callback (GTK_WIDGET (window), toast_shown_tick_cb, &wait, NULL);
  pw_test_ui_wait (flag_is_set, &wait.seen, "the toast’s show animation");
}

static gboolean
is_button_of (GtkWidget     *widget,
              gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                       action_name) == 0;
}

/**
 * pw_test_ui_find_button:
 *
 * Returns: (transfer none) (nullable): the button in the tree of @root
 *   that activates @action_name
 */
GtkWidget *
pw_test_ui_find_button (GtkWidget  *root,
                        const char *action_name)
{
  return pw_test_ui_find (root, is_button_of, action_name);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                       title) == 0;
}

/**
 * pw_test_ui_find_row:
 *
 * Returns: (transfer none) (nullable): the #AdwPreferencesRow in the tree of
 *   @root titled @title
 */
GtkWidget *
pw_test_ui_find_row (GtkWidget  *root,
                     const char *title)
{
  return pw_test_ui_find (root, is_row_titled, title);
}

/**
 * pw_test_ui_find_dialog:
 * @heading: (nullable): its heading, or %NULL for any
 *
 * Returns: (transfer none) (nullable): a visible message dialog
 */
AdwMessageDialog *
pw_test_ui_find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && (heading == NULL
              || g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
                            heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return pw_test_ui_find_dialog (data) != NULL;
}

/**
 * pw_test_ui_respond:
 * @heading: (nullable): the heading of the dialog, or %NULL for any
 *
 * Waits for the message dialog, answers it as a click on @response would,
 * and closes it.
 */
void
pw_test_ui_respond (const char *heading,
                    const char *response)
{
  AdwMessageDialog *dialog;

  pw_test_ui_wait (dialog_shown, (gpointer) heading, heading ? heading : "a dialog");
  dialog = pw_test_ui_find_dialog (heading);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pw_test_ui_flush ();
}

static PwApplication *test_app;

/**
 * pw_test_ui_get_app:
 *
 * Returns: (transfer none): the application of the test program, made on
 *   the first call (inside the first test, where the private data folders
 *   exist): not unique, registered, kept to the end of the program
 */
PwApplication *
pw_test_ui_get_app (void)
{
  if (test_app == NULL)
    {
      test_app = pw_application_new ();
      g_application_set_flags (G_APPLICATION (test_app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (test_app), NULL, NULL);
    }

  return test_app;
}

/**
 * pw_test_ui_isolate_home:
 * @name: the start of the folder's name, "phasewise-test-widgets"
 *
 * Gives the test a home, data, config, cache, state and runtime folder of
 * its own in a new temporary folder, but the system's data folders: GTK
 * needs the MIME database to load icons, which G_TEST_OPTION_ISOLATE_DIRS
 * would hide.  Call it before g_test_init().
 */
void
pw_test_ui_isolate_home (const char *name)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  g_autofree char *home = g_dir_make_tmp (template, NULL);
  const char *dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                         "XDG_STATE_HOME", "XDG_RUNTIME_DIR" };

  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i], dir, TRUE);
    }
}

/**
 * pw_test_ui_load_style:
 *
 * Loads the application's style sheet for the default display, as
 * AdwApplication does for the program: for tests that show widgets without
 * the application.
 */
void
pw_test_ui_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/**
 * pw_test_ui_new_window:
 *
 * Returns: (transfer none): a new window of the test application, shown
 */
PwWindow *
pw_test_ui_new_window (void)
{
  PwApplication *app = pw_test_ui_get_app ();
  PwWindow *window = pw_window_new (ADW_APPLICATION (app), pw_application_get_session (app));

  gtk_window_present (GTK_WINDOW (window));
  pw_test_ui_flush ();

  return window;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/**
 * pw_test_ui_destroy_window:
 *
 * Destroys @window and waits until it is finalized.
 */
void
pw_test_ui_destroy_window (PwWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  pw_test_ui_wait (is_null, &window, "the window to be finalized");
}
