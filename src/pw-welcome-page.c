/* pw-welcome-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "phasewise-core.h"
#include "pw-welcome-page.h"

/**
 * PwWelcomePage:
 *
 * What a window without a workbook shows: a new workbook, one to open,
 * the example, and the workbooks opened or saved lately.
 *
 * The recent workbooks come from the desktop's list of recent files
 * (#GtkRecentManager), the newest first: a list in memory, so that nothing
 * here touches the disk.  Each row activates `win.open-recent` with the
 * file's URI; a file that cannot be opened any more leaves the list then.
 */
struct _PwWelcomePage
{
  AdwBin         parent_instance;

  GtkWidget     *recent_box;
  GtkListBox    *recent_list;

  GtkStringList *recent;  /* URIs, newest first */
};

G_DEFINE_FINAL_TYPE (PwWelcomePage, pw_welcome_page, ADW_TYPE_BIN)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  const char *uri = gtk_string_object_get_string (item);
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder = pw_document_describe_location (file);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder ? folder : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (uri));

  return row;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GDateTime *time_a = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *time_b = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (time_b, time_a);
}

static void
update_recent (PwWelcomePage *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) uris = g_ptr_array_new ();

  items = g_list_sort (items, compare_newest_first);
  for (GList *l = items; l != NULL && uris->len < PW_WELCOME_PAGE_MAX_RECENT; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);

      if (g_str_has_suffix (uri, ".phasewise"))
        g_ptr_array_add (uris, (gpointer) uri);
    }
  g_ptr_array_add (uris, NULL);

  gtk_string_list_splice (self->recent, 0, g_list_model_get_n_items (G_LIST_MODEL (self->recent)),
                          (const char * const *) uris->pdata);
  gtk_widget_set_visible (self->recent_box, uris->len > 1);

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
pw_welcome_page_dispose (GObject *object)
{
  PwWelcomePage *self = (PwWelcomePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WELCOME_PAGE);
  g_clear_object (&self->recent);

  G_OBJECT_CLASS (pw_welcome_page_parent_class)->dispose (object);
}

static void
pw_welcome_page_class_init (PwWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWelcomePage, recent_box);
  gtk_widget_class_bind_template_child (widget_class, PwWelcomePage, recent_list);
}

static void
pw_welcome_page_init (PwWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->recent = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (self->recent), create_row, NULL,
                           NULL);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);
}

/**
 * pw_welcome_page_new:
 *
 * Returns: (transfer floating): a new welcome page
 */
GtkWidget *
pw_welcome_page_new (void)
{
  return g_object_new (PW_TYPE_WELCOME_PAGE, NULL);
}

/**
 * pw_welcome_page_get_recent:
 *
 * Returns: (transfer none): the URIs of the recent workbooks shown, the
 *   newest first, as #GtkStringObject
 */
GListModel *
pw_welcome_page_get_recent (PwWelcomePage *self)
{
  g_return_val_if_fail (PW_IS_WELCOME_PAGE (self), NULL);

  return G_LIST_MODEL (self->recent);
}
