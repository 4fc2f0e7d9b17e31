/* pw-policy-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-policy-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-policy-page.h"
#include "pw-widget-utils.h"
#include "pw-window.h"

/**
 * PwPolicyPage:
 *
 * The Policy area of a workbook: the checklist of the social media policy,
 * one section per category, each item with its status, what it covers and
 * the evidence that proves it, its owner, review date, note, link and
 * history; progress, filters, the checklist as it stood on a past day, and
 * the custom items and categories.
 *
 * The sections are built again only when what they show changes (items or
 * categories added, removed, moved or renamed); an edit of an item updates
 * its row in place, so that the focus stays where the user types.
 */
struct _PwPolicyPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkStack       *main_stack;
  GtkScrolledWindow *scrolled;
  GtkMenuButton  *date_button;
  GtkPopover     *date_popover;
  GtkCalendar    *date_calendar;
  GtkLabel       *overall_label;
  GtkLevelBar    *overall_bar;
  GtkWidget      *overdue_box;
  GtkLabel       *overdue_label;
  GtkWidget      *past_notice;
  GtkLabel       *past_label;
  GtkWidget      *subset_notice;
  GtkLabel       *subset_label;
  GtkSearchEntry *search_entry;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *owner_dropdown;
  GtkLabel       *shown_label;
  GtkStack       *list_stack;
  GtkBox         *sections_box;

  PwDocument     *document;
  PwWorkbook     *workbook;
  PwPolicy       *policy;
  GHashTable     *rows;      /* item id → its row */
  GHashTable     *groups;    /* category id → its section */
  GHashTable     *expanded;  /* ids of the rows open */
  GHashTable     *subset;    /* ids of pw_policy_page_show_items(), or NULL */
  char           *structure; /* what the sections were built from */
  GStrv           owners;    /* the owner filter's choices after "Any owner" */
  char           *focus_id;  /* the row to focus once the sections are built */

  /* Filters, each a property and a policy.* action */
  char           *search;
  char           *filter_status;
  char           *filter_owner;
  gboolean        filter_overdue;
  gboolean        filter_core;
  char           *view_date; /* "" for today */

  guint           refresh_source;
  guint           n_shown;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (PwPolicyPage, pw_policy_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_FILTER_STATUS,
  PROP_FILTER_OWNER,
  PROP_FILTER_OVERDUE,
  PROP_FILTER_CORE,
  PROP_VIEW_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The statuses as the file spells them, in the order of PwPolicyStatus */
static const char * const status_ids[] = { "missing", "drafting", "in-place", "not-applicable" };

static void schedule_refresh (PwPolicyPage *self);
static void label_filters    (PwPolicyPage *self);
static void update_row       (PwPolicyPage *self,
                              GtkWidget    *row);

/* ------------------------------------------------------------------------
 * Helpers
 */

static const char *
status_label (PwPolicyStatus status)
{
  switch (status)
    {
    case PW_POLICY_MISSING:
      /* Translators: the status of a policy item */
      return C_("policy status", "Missing");
    case PW_POLICY_DRAFTING:
      /* Translators: the status of a policy item */
      return C_("policy status", "Drafting");
    case PW_POLICY_IN_PLACE:
      /* Translators: the status of a policy item */
      return C_("policy status", "In Place");
    case PW_POLICY_NOT_APPLICABLE:
      /* Translators: the status of a policy item */
      return C_("policy status", "Not Applicable");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_status (const char     *id,
              PwPolicyStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    if (g_strcmp0 (status_ids[i], id) == 0)
      {
        *status = (PwPolicyStatus) i;
        return TRUE;
      }
  return FALSE;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10
      || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* The day shown in words, "12 March 2025" */
static char *
format_date (const char *text)
{
  GDate date;
  char buffer[128];

  if (!parse_date (text, &date))
    return g_strdup (text);
  /* Translators: a day as the policy page shows it; see strftime(3) */
  if (g_date_strftime (buffer, sizeof buffer, _("%e %B %Y"), &date) == 0
      || !g_utf8_validate (buffer, -1, NULL))
    return g_strdup (text);
  return g_strstrip (g_strdup (buffer));
}

/* The day the checklist is shown as of, or NULL for today */
static const char *
get_date (PwPolicyPage *self)
{
  return self->view_date && *self->view_date ? self->view_date : NULL;
}

static gboolean
is_past (PwPolicyPage *self)
{
  return get_date (self) != NULL;
}

static void
get_view_day (PwPolicyPage *self,
              GDate        *day)
{
  g_autofree char *today = dup_today ();

  if (!parse_date (get_date (self), day))
    parse_date (today, day);
}

static PwPolicyStatus
get_item_status (PwPolicyPage *self,
                 PwPolicyItem *item)
{
  return is_past (self) ? pw_policy_item_get_status_on (item, get_date (self))
                        : pw_policy_item_get_status (item);
}

static gboolean
is_overdue (PwPolicyPage *self,
            PwPolicyItem *item)
{
  GDate day;

  get_view_day (self, &day);
  return pw_policy_item_is_overdue (item, &day);
}

static PwWindow *
get_window (PwPolicyPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return PW_IS_WINDOW (root) ? PW_WINDOW (root) : NULL;
}

static void
show_toast (PwPolicyPage *self,
            const char   *text)
{
  PwWindow *window = get_window (self);

  if (window != NULL)
    pw_window_show_toast (window, text);
  else
    g_message ("%s", text);
}

static PwPolicyItem *
row_get_item (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "pw-item");
}

static PwPolicyItem *
find_item (PwPolicyPage *self,
           const char   *id)
{
  return self->policy ? pw_policy_find_item (self->policy, id) : NULL;
}

static gboolean
link_is_openable (const char *link)
{
  static const char * const schemes[] = { "http", "https", "file", "mailto" };
  g_autofree char *scheme = link ? g_uri_parse_scheme (link) : NULL;

  if (scheme == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strcasecmp (scheme, schemes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Names a drop-down for screen readers: GTK 4.8 reads its button, not it. */
static void
label_dropdown (GtkWidget  *dropdown,
                const char *label)
{
  GtkWidget *button = gtk_widget_get_first_child (dropdown);

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  if (button != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
}

static AdwMessageDialog *
create_dialog (PwPolicyPage *self,
               const char   *heading,
               const char   *body)
{
  PwWindow *window = get_window (self);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window ? GTK_WINDOW (window) : NULL,
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static GtkWidget *
create_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

/* ------------------------------------------------------------------------
 * Changing an item's status
 */

static void
change_status (PwPolicyPage   *self,
               PwPolicyItem   *item,
               PwPolicyStatus  status,
               const char     *reason)
{
  g_autofree char *facilitator = NULL;
  g_autofree char *today = dup_today ();
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  if (self->document != NULL)
    facilitator = pw_session_dup_facilitator_name (pw_document_get_session (self->document));

  if (!pw_policy_item_change_status (item, status, reason, today, facilitator, &error))
    show_toast (self, error->message);

  /* Refused or not, the row shows the status the item has */
  row = g_hash_table_lookup (self->rows, pw_policy_item_get_id (item));
  if (row != NULL)
    update_row (self, row);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  PwPolicyItem *item = g_object_get_data (G_OBJECT (dialog), "pw-item");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "apply",
                                           !pw_policy_item_get_core (item) || *reason != '\0');
}

static void
reason_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PwPolicyPage     *self)
{
  PwPolicyItem *item = g_object_get_data (G_OBJECT (dialog), "pw-item");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "pw-entry");
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GtkWidget *row;

  if (g_str_equal (response, "apply"))
    {
      change_status (self, item, PW_POLICY_NOT_APPLICABLE, *reason ? reason : NULL);
      return;
    }

  row = g_hash_table_lookup (self->rows, pw_policy_item_get_id (item));
  if (row != NULL)
    update_row (self, row);
}

/* Asks why @item does not apply: a core item needs a reason. */
static void
ask_reason (PwPolicyPage *self,
            PwPolicyItem *item)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();
  const char *reason = pw_policy_item_get_reason (item);
  g_autofree char *body = NULL;

  if (pw_policy_item_get_core (item))
    /* Translators: %s is a policy item's title */
    body = g_strdup_printf (_("“%s” is a core item: governance cannot pass phase 3 while it is "
                              "not in place, unless the checklist says why it does not apply."),
                            pw_policy_item_get_title (item));
  else
    /* Translators: %s is a policy item's title */
    body = g_strdup_printf (_("Say why “%s” does not apply to this organization, if you like."),
                            pw_policy_item_get_title (item));

  dialog = create_dialog (self, _("Why Does This Item Not Apply?"), body);
  adw_message_dialog_add_response (dialog, "apply", _("_Mark Not Applicable"));
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "apply");

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  if (pw_policy_item_get_status (item) == PW_POLICY_NOT_APPLICABLE && reason != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), reason);
  adw_message_dialog_set_extra_child (dialog, entry);

  g_object_set_data_full (G_OBJECT (dialog), "pw-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "pw-entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (reason_changed_cb), dialog, 0);
  reason_changed_cb (GTK_EDITABLE (entry), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reason_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
request_status (PwPolicyPage   *self,
                PwPolicyItem   *item,
                PwPolicyStatus  status)
{
  if (is_past (self))
    return;

  if (status == PW_POLICY_NOT_APPLICABLE)
    ask_reason (self, item);
  else if (status != pw_policy_item_get_status (item))
    change_status (self, item, status, NULL);
}

/* ------------------------------------------------------------------------
 * Rows
 */

/* The status menu of a row, built when it first opens: a GtkDropDown
 * per row is too heavy for a checklist of hundreds of items. */
static GMenuModel *
create_status_menu (PwPolicyItem *item)
{
  GMenu *menu = g_menu_new ();
  const char *id = pw_policy_item_get_id (item);

  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    {
      g_autoptr(GMenuItem) entry = NULL;
      g_autofree char *label = NULL;

      /* The one that asks for a reason says so */
      if (i == PW_POLICY_NOT_APPLICABLE)
        /* Translators: the status menu's item that asks why an item does not apply */
        label = g_strdup (_("Not Applicable…"));
      else
        label = g_strdup (status_label ((PwPolicyStatus) i));
      entry = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (entry, "policy.set-status",
                                               g_variant_new ("(ss)", id, status_ids[i]));
      g_menu_append_item (menu, entry);
    }
  return G_MENU_MODEL (menu);
}

static void
create_status_popup_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  GtkWidget *row = user_data;
  g_autoptr(GMenuModel) menu = NULL;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  menu = create_status_menu (row_get_item (row));
  gtk_menu_button_set_menu_model (button, menu);
}

static char *
describe_row (PwPolicyPage *self,
              PwPolicyItem *item,
              gboolean      overdue)
{
  const char *owner = pw_policy_item_get_owner (item);
  const char *review = pw_policy_item_get_review_date (item);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (owner != NULL && *owner != '\0')
    /* Translators: under a policy item's title */
    g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), owner));
  else
    g_ptr_array_add (parts, g_strdup (_("No owner")));

  if (review != NULL && *review != '\0')
    {
      g_autofree char *day = format_date (review);

      if (overdue)
        /* Translators: under a policy item's title; %s is a day */
        g_ptr_array_add (parts, g_strdup_printf (_("Review overdue since %s"), day));
      else
        /* Translators: under a policy item's title; %s is a day */
        g_ptr_array_add (parts, g_strdup_printf (_("Review by %s"), day));
    }
  g_ptr_array_add (parts, NULL);

  /* Translators: what separates the parts of the line under a policy item's title */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static void
update_history (PwPolicyPage *self,
                GtkWidget    *row)
{
  GtkBox *box = g_object_get_data (G_OBJECT (row), "pw-history");
  GPtrArray *changes = pw_policy_item_get_changes (row_get_item (row));

  if (box == NULL)
    return;

  _pw_box_remove_all (box);
  if (changes == NULL || changes->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No change of status yet"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "pw-secondary");
      gtk_box_append (box, label);
      return;
    }

  /* Newest first */
  for (guint i = changes->len; i > 0; i--)
    {
      PwPolicyChange *change = g_ptr_array_index (changes, i - 1);
      g_autofree char *day = format_date (change->date);
      g_autofree char *text = NULL;
      g_autofree char *details = NULL;
      GtkWidget *label;

      /* Translators: one change in a policy item's history: the day, then
       * the status before → the status after */
      text = g_strdup_printf (_("%s: %s → %s"), day, status_label (change->previous),
                              status_label (change->status));
      if (change->by && *change->by && change->reason && *change->reason)
        /* Translators: in a policy item's history: who, and why it does not apply */
        details = g_strdup_printf (_("by %s · %s"), change->by, change->reason);
      else if (change->by && *change->by)
        /* Translators: in a policy item's history: who made the change */
        details = g_strdup_printf (_("by %s"), change->by);
      else if (change->reason && *change->reason)
        details = g_strdup (change->reason);

      label = _pw_label_new_wrapping (text, PANGO_WRAP_WORD_CHAR, 60);
      gtk_box_append (box, label);
      if (details != NULL)
        {
          label = _pw_label_new_wrapping (details, PANGO_WRAP_WORD_CHAR, 60);
          gtk_widget_add_css_class (label, "pw-secondary");
          gtk_widget_add_css_class (label, "caption");
          gtk_widget_set_margin_bottom (label, 6);
          gtk_box_append (box, label);
        }
    }
}

static void
set_entry_text (GtkWidget  *entry,
                const char *text)
{
  if (entry == NULL || gtk_widget_has_focus (entry)
      || gtk_widget_is_ancestor (_pw_widget_get_focus (entry), entry))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
update_details (PwPolicyPage *self,
                GtkWidget    *row)
{
  PwPolicyItem *item = row_get_item (row);
  GtkWidget *reason_row = g_object_get_data (G_OBJECT (row), "pw-reason-row");
  GtkWidget *details = g_object_get_data (G_OBJECT (row), "pw-details");
  GtkWidget *open = g_object_get_data (G_OBJECT (row), "pw-open");
  GtkTextView *note = g_object_get_data (G_OBJECT (row), "pw-note");
  const char *reason = pw_policy_item_get_reason_on (item, get_date (self));

  if (details == NULL)
    return;

  set_entry_text (g_object_get_data (G_OBJECT (row), "pw-owner"),
                  pw_policy_item_get_owner (item));
  set_entry_text (g_object_get_data (G_OBJECT (row), "pw-review"),
                  pw_policy_item_get_review_date (item));
  set_entry_text (g_object_get_data (G_OBJECT (row), "pw-link"),
                  pw_policy_item_get_link (item));
  gtk_widget_set_sensitive (open, link_is_openable (pw_policy_item_get_link (item)));

  if (!gtk_widget_has_focus (GTK_WIDGET (note)))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (note);
      g_autofree char *text = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (text, pw_policy_item_get_note (item) ?: "") != 0)
        gtk_text_buffer_set_text (buffer, pw_policy_item_get_note (item) ?: "", -1);
    }

  gtk_widget_set_visible (reason_row, get_item_status (self, item) == PW_POLICY_NOT_APPLICABLE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (reason_row),
                               reason && *reason ? reason : _("No reason given"));
  gtk_widget_set_sensitive (details, !is_past (self));
  update_history (self, row);
}

static void
update_row (PwPolicyPage *self,
            GtkWidget    *row)
{
  PwPolicyItem *item = row_get_item (row);
  GtkWidget *status_button = g_object_get_data (G_OBJECT (row), "pw-status");
  GtkWidget *overdue_tag = g_object_get_data (G_OBJECT (row), "pw-overdue");
  GtkWidget *core_tag = g_object_get_data (G_OBJECT (row), "pw-core");
  PwPolicyStatus status = get_item_status (self, item);
  gboolean overdue = is_overdue (self, item);
  g_autofree char *subtitle = describe_row (self, item, overdue);
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pw_policy_item_get_title (item));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_visible (core_tag, pw_policy_item_get_core (item));
  gtk_widget_set_visible (overdue_tag, overdue);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (status_button), status_label (status));
  gtk_widget_set_sensitive (status_button, !is_past (self));

  /* Translators: what a screen reader says for a policy item's status
   * menu: "Status of “Approval workflow”: In Place" */
  accessible = g_strdup_printf (_("Status of “%s”: %s"), pw_policy_item_get_title (item),
                                status_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  update_details (self, row);
}

static void
item_notify_cb (PwPolicyItem *item,
                GParamSpec   *pspec,
                GtkWidget    *row)
{
  PwPolicyPage *self = g_object_get_data (G_OBJECT (row), "pw-page");

  update_row (self, row);
}

/* Commits what an entry of a row holds to the item. */
static void
commit_entry (GtkWidget *entry)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (entry), "pw-row");
  const char *field = g_object_get_data (G_OBJECT (entry), "pw-field");
  PwPolicyItem *item = row_get_item (row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GDate date;

  if (g_str_equal (field, "owner"))
    {
      if (g_strcmp0 (text, pw_policy_item_get_owner (item) ?: "") != 0)
        pw_policy_item_set_owner (item, *text ? text : NULL);
    }
  else if (g_str_equal (field, "link"))
    {
      if (g_strcmp0 (text, pw_policy_item_get_link (item) ?: "") != 0)
        pw_policy_item_set_link (item, *text ? text : NULL);
    }
  else if (g_str_equal (field, "review-date"))
    {
      gboolean valid = *text == '\0' || parse_date (text, &date);

      if (valid)
        gtk_widget_remove_css_class (entry, "error");
      else
        gtk_widget_add_css_class (entry, "error");
      if (valid && g_strcmp0 (text, pw_policy_item_get_review_date (item) ?: "") != 0)
        pw_policy_item_set_review_date (item, *text ? text : NULL);
    }
}

static void
entry_leave_cb (GtkEventControllerFocus *controller,
                GtkWidget               *entry)
{
  commit_entry (entry);
}

static GtkWidget *
create_entry_row (GtkWidget  *row,
                  const char *title,
                  const char *field)
{
  GtkWidget *entry = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  g_object_set_data (G_OBJECT (entry), "pw-row", row);
  g_object_set_data (G_OBJECT (entry), "pw-field", (gpointer) field);
  g_signal_connect (entry, "apply", G_CALLBACK (commit_entry), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), entry);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

static void
calendar_day_cb (GtkCalendar *calendar,
                 GtkWidget   *entry)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  commit_entry (entry);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
create_review_row (GtkWidget *row)
{
  GtkWidget *entry = create_entry_row (row, _("Review Date (YYYY-MM-DD)"), "review-date");
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose the Review Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose the Review Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_cb), entry);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), button);
  return entry;
}

static void
open_link_cb (GtkButton *button,
              GtkWidget *row)
{
  const char *link = pw_policy_item_get_link (row_get_item (row));

  if (link_is_openable (link))
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), link,
                  GDK_CURRENT_TIME);
}

static GtkWidget *
create_link_row (GtkWidget *row)
{
  GtkWidget *entry = create_entry_row (row, _("Link to the Document"), "link");
  GtkWidget *open = gtk_button_new_with_mnemonic (_("Op_en"));

  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Open the Link (web, file or e-mail addresses)"));
  g_signal_connect_object (open, "clicked", G_CALLBACK (open_link_cb), row, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), open);
  g_object_set_data (G_OBJECT (row), "pw-open", open);
  return entry;
}

static void
note_leave_cb (GtkEventControllerFocus *controller,
               GtkWidget               *row)
{
  GtkTextView *note = g_object_get_data (G_OBJECT (row), "pw-note");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (note);
  PwPolicyItem *item = row_get_item (row);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, pw_policy_item_get_note (item) ?: "") != 0)
    pw_policy_item_set_note (item, *text ? text : NULL);
}

static GtkWidget *
create_note_row (GtkWidget *row)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Note"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "pw-secondary");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_widget_add_css_class (view, "pw-note");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);

  g_signal_connect (focus, "leave", G_CALLBACK (note_leave_cb), row);
  gtk_widget_add_controller (view, focus);
  g_object_set_data (G_OBJECT (row), "pw-note", view);
  return list_row;
}

static GtkWidget *
create_text_row (const char *heading,
                 GtkWidget **box_out)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  if (heading != NULL)
    {
      GtkWidget *label = gtk_label_new (heading);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  *box_out = box;
  return list_row;
}

static void
reason_edit_cb (GtkButton *button,
                GtkWidget *row)
{
  PwPolicyPage *self = g_object_get_data (G_OBJECT (row), "pw-page");

  ask_reason (self, row_get_item (row));
}

/* The parts of a row shown once it is open: built the first time */
static void
build_details (PwPolicyPage *self,
               GtkWidget    *row)
{
  PwPolicyItem *item = row_get_item (row);
  const char *description = pw_policy_item_get_description (item);
  const char *evidence = pw_policy_get_item_evidence (self->policy, item);
  gboolean has_description = description != NULL && *description != '\0';
  GtkWidget *details = create_boxed_list ();
  GtkWidget *history_row, *history_box, *reason_row, *reason_button, *entry;
  GtkWidget *text_box;

  if (g_object_get_data (G_OBJECT (row), "pw-details") != NULL)
    return;

  /* What the item covers, and what proves it is in place (framework 2.0) */
  if (has_description || evidence != NULL)
    {
      GtkWidget *text_row = create_text_row (has_description ? _("What It Covers") : NULL,
                                             &text_box);

      if (has_description)
        gtk_box_append (GTK_BOX (text_box),
                        _pw_label_new_wrapping (description, PANGO_WRAP_WORD_CHAR, 80));
      if (evidence != NULL)
        {
          /* Translators: in an open policy item, the document or record
           * that proves the item is in place */
          g_autofree char *text = g_strdup_printf (_("Evidence: %s"), evidence);
          GtkWidget *label = _pw_label_new_wrapping (text, PANGO_WRAP_WORD_CHAR, 80);

          gtk_widget_add_css_class (label, "pw-secondary");
          gtk_box_append (GTK_BOX (text_box), label);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row);
    }

  /* What can be edited, in one list made insensitive in the past */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (details), GTK_SELECTION_NONE);
  gtk_widget_remove_css_class (details, "boxed-list");
  gtk_widget_add_css_class (details, "pw-details");
  entry = create_entry_row (row, _("Owner"), "owner");
  g_object_set_data (G_OBJECT (row), "pw-owner", entry);
  gtk_list_box_append (GTK_LIST_BOX (details), entry);
  entry = create_review_row (row);
  g_object_set_data (G_OBJECT (row), "pw-review", entry);
  gtk_list_box_append (GTK_LIST_BOX (details), entry);
  gtk_list_box_append (GTK_LIST_BOX (details), create_note_row (row));
  entry = create_link_row (row);
  g_object_set_data (G_OBJECT (row), "pw-link", entry);
  gtk_list_box_append (GTK_LIST_BOX (details), entry);

  reason_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (reason_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reason_row), _("Why It Does Not Apply"));
  reason_button = gtk_button_new_with_mnemonic (_("C_hange…"));
  gtk_widget_set_valign (reason_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (reason_button, _("Change the Reason"));
  g_signal_connect_object (reason_button, "clicked", G_CALLBACK (reason_edit_cb), row, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (reason_row), reason_button);
  gtk_list_box_append (GTK_LIST_BOX (details), reason_row);
  g_object_set_data (G_OBJECT (row), "pw-reason-row", reason_row);

  {
    GtkWidget *details_row = gtk_list_box_row_new ();

    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (details_row), FALSE);
    gtk_widget_set_focusable (details_row, FALSE);
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (details_row), details);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), details_row);
  }

  history_row = create_text_row (_("History"), &text_box);
  history_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (text_box), history_box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), history_row);
  g_object_set_data (G_OBJECT (row), "pw-history", history_box);
  g_object_set_data (G_OBJECT (row), "pw-details", details);

  update_details (self, row);
}

static void
expanded_cb (GtkWidget  *row,
             GParamSpec *pspec,
             gpointer    user_data)
{
  PwPolicyPage *self = g_object_get_data (G_OBJECT (row), "pw-page");
  const char *id = pw_policy_item_get_id (row_get_item (row));

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    {
      build_details (self, row);
      g_hash_table_add (self->expanded, g_strdup (id));
    }
  else
    g_hash_table_remove (self->expanded, id);
}

static GMenuModel *
create_item_menu (PwPolicyItem *item)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  const char *id = pw_policy_item_get_id (item);

  {
    g_autoptr(GMenuItem) entry = g_menu_item_new (_("_Edit…"), NULL);

    g_menu_item_set_action_and_target_value (entry, "policy.edit-item", g_variant_new_string (id));
    g_menu_append_item (edit, entry);
  }
  {
    g_autoptr(GMenuItem) up = g_menu_item_new (_("Move _Up"), NULL);
    g_autoptr(GMenuItem) down = g_menu_item_new (_("Move _Down"), NULL);

    g_menu_item_set_action_and_target_value (up, "policy.move-item-up", g_variant_new_string (id));
    g_menu_item_set_attribute (up, "accel", "s", "<Alt>Up");
    g_menu_item_set_action_and_target_value (down, "policy.move-item-down",
                                             g_variant_new_string (id));
    g_menu_item_set_attribute (down, "accel", "s", "<Alt>Down");
    g_menu_append_item (move, up);
    g_menu_append_item (move, down);
  }
  {
    g_autoptr(GMenuItem) entry = g_menu_item_new (_("_Remove…"), NULL);

    g_menu_item_set_action_and_target_value (entry, "policy.remove-item",
                                             g_variant_new_string (id));
    g_menu_append_item (remove, entry);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

/* Built when it first opens, as the status menu */
static void
create_item_popup_cb (GtkMenuButton *button,
                      gpointer       user_data)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  menu = create_item_menu (row_get_item (user_data));
  gtk_menu_button_set_menu_model (button, menu);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  PwPolicyPage *self = g_object_get_data (G_OBJECT (row), "pw-page");

  if (is_past (self))
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_STRING,
                                         pw_policy_item_get_id (row_get_item (row)));
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* Drops a custom item before another of its category */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  PwPolicyPage *self = g_object_get_data (G_OBJECT (row), "pw-page");
  PwPolicyItem *before = row_get_item (row);
  PwPolicyItem *dragged = find_item (self, g_value_get_string (value));

  if (dragged == NULL || dragged == before || is_past (self)
      || !pw_policy_item_get_custom (dragged)
      || g_strcmp0 (pw_policy_item_get_category (dragged),
                    pw_policy_item_get_category (before)) != 0)
    return FALSE;

  g_free (self->focus_id);
  self->focus_id = g_strdup (pw_policy_item_get_id (dragged));
  pw_policy_move_custom_item (self->policy, dragged, before);
  return TRUE;
}

static void
add_custom_controllers (GtkWidget    *row,
                        PwPolicyItem *item)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  static const struct {
    guint       keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Up, "policy.move-item-up" },
    { GDK_KEY_KP_Up, "policy.move-item-up" },
    { GDK_KEY_Down, "policy.move-item-down" },
    { GDK_KEY_KP_Down, "policy.move-item-down" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                        GDK_ALT_MASK),
                                                gtk_named_action_new (keys[i].action));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (pw_policy_item_get_id (item)));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (row, shortcuts);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

static GtkWidget *
create_tag (const char *text,
            const char *icon_name,
            const char *style)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "pw-tag");
  if (style != NULL)
    gtk_widget_add_css_class (box, style);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      "", -1);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
create_row (PwPolicyPage *self,
            PwPolicyItem *item)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *status_button = gtk_menu_button_new ();
  GtkWidget *core_tag = create_tag (_("Core"), NULL, "accent");
  /* Translators: a tag on a policy item whose review date is past */
  GtkWidget *overdue_tag = create_tag (_("Overdue"), "alarm-symbolic", "error");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_tooltip_text (core_tag, _("A core item: it must be in place for governance "
                                           "to pass phase 3"));
  gtk_widget_set_valign (status_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status_button, "pw-status");
  gtk_widget_set_tooltip_text (status_button, _("Change the Status"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (status_button),
                                         create_status_popup_cb, row, NULL);


  g_object_set_data (G_OBJECT (row), "pw-page", self);
  g_object_set_data_full (G_OBJECT (row), "pw-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "pw-status", status_button);
  g_object_set_data (G_OBJECT (row), "pw-core", core_tag);
  g_object_set_data (G_OBJECT (row), "pw-overdue", overdue_tag);

  if (pw_policy_item_get_custom (item))
    {
      GtkWidget *menu_button = gtk_menu_button_new ();
      GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button),
                                             create_item_popup_cb, row, NULL);
      gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (menu_button, "flat");
      gtk_widget_set_tooltip_text (menu_button, _("Item Menu"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Item Menu"), -1);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), menu_button);
      gtk_widget_add_css_class (handle, "dim-label");
      gtk_widget_set_tooltip_text (handle, _("Drag to Move (or Alt+Up and Alt+Down)"));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), handle);
      add_custom_controllers (row, item);
    }

  /* Each action goes before the previous one: overdue, core, status, menu */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), status_button);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), core_tag);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), overdue_tag);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), NULL);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), row, 0);
  update_row (self, row);

  return row;
}

/* ------------------------------------------------------------------------
 * Sections
 */

static GMenuModel *
create_category_menu (const char *id)
{
  GMenu *menu = g_menu_new ();
  static const struct {
    const char *label;
    const char *action;
  } entries[] = {
    { N_("_Rename…"), "policy.rename-category" },
    { N_("Move _Up"), "policy.move-category-up" },
    { N_("Move _Down"), "policy.move-category-down" },
    { N_("_Remove…"), "policy.remove-category" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, entries[i].action,
                                               g_variant_new_string (id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_group (PwPolicyPage *self,
              const char   *id)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  const char *name = pw_policy_get_category_name (self->policy, id);

  {
    g_autofree char *escaped = g_markup_escape_text (name, -1);

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
  }
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (suffix), bar);

  if (pw_policy_find_custom_category (self->policy, id) != NULL)
    {
      GtkWidget *button = gtk_menu_button_new ();
      g_autoptr(GMenuModel) menu = create_category_menu (id);
      g_autofree char *label = NULL;

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: the menu of a custom category; %s is its name */
      label = g_strdup_printf (_("Menu of “%s”"), name);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_box_append (GTK_BOX (suffix), button);
    }

  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  g_object_set_data (G_OBJECT (group), "pw-bar", bar);
  g_object_set_data_full (G_OBJECT (group), "pw-category", g_strdup (id), g_free);
  return group;
}

/* What the sections show, to tell whether they must be built again */
static char *
describe_structure (PwPolicyPage *self)
{
  g_auto(GStrv) categories = pw_policy_list_categories (self->policy);
  g_autoptr(GPtrArray) items = pw_policy_get_ordered_items (self->policy);
  GString *string = g_string_new (NULL);

  for (guint i = 0; categories[i] != NULL; i++)
    g_string_append_printf (string, "%s=%s\n", categories[i],
                            pw_policy_get_category_name (self->policy, categories[i]));
  for (guint i = 0; i < items->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (string, "%s:%s\n", pw_policy_item_get_id (item),
                              pw_policy_item_get_category (item));
    }
  return g_string_free (string, FALSE);
}

static void
category_name_cb (PwPolicyPage *self)
{
  schedule_refresh (self);
}

static void
rebuild_sections (PwPolicyPage *self)
{
  g_auto(GStrv) categories = pw_policy_list_categories (self->policy);
  g_autoptr(GPtrArray) items = pw_policy_get_ordered_items (self->policy);
  GListModel *custom = pw_policy_get_custom_categories (self->policy);
  GtkWidget *focus = _pw_widget_get_focus (GTK_WIDGET (self));
  g_autoptr(GHashTable) expanded = g_steal_pointer (&self->expanded);

  /* The row with the focus keeps it */
  if (self->focus_id == NULL && focus != NULL)
    for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
      if (ADW_IS_EXPANDER_ROW (w) && row_get_item (w) != NULL)
        {
          self->focus_id = g_strdup (pw_policy_item_get_id (row_get_item (w)));
          break;
        }

  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->groups);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _pw_box_remove_all (self->sections_box);

  for (guint i = 0; categories[i] != NULL; i++)
    {
      GtkWidget *group = create_group (self, categories[i]);

      g_hash_table_insert (self->groups, g_strdup (categories[i]), group);
      gtk_box_append (self->sections_box, group);
    }

  for (guint i = 0; i < items->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (items, i);
      GtkWidget *group = g_hash_table_lookup (self->groups, pw_policy_item_get_category (item));
      GtkWidget *row;

      if (group == NULL)
        continue;
      row = create_row (self, item);
      g_hash_table_insert (self->rows, g_strdup (pw_policy_item_get_id (item)), row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      if (g_hash_table_contains (expanded, pw_policy_item_get_id (item)))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
    }

  for (guint i = 0; i < g_list_model_get_n_items (custom); i++)
    {
      g_autoptr(PwCustomCategory) category = g_list_model_get_item (custom, i);

      g_signal_handlers_disconnect_by_func (category, category_name_cb, self);
      g_signal_connect_object (category, "notify::name", G_CALLBACK (category_name_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_stack_set_visible_child_name (self->main_stack, items->len > 0 ? "checklist" : "empty");
}

static void
focus_pending_row (PwPolicyPage *self)
{
  g_autofree char *id = g_steal_pointer (&self->focus_id);
  GtkWidget *row = id ? g_hash_table_lookup (self->rows, id) : NULL;

  /* The row's header takes the focus, as a click would give it */
  if (row != NULL && gtk_widget_get_visible (row) && !gtk_widget_grab_focus (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}

/* ------------------------------------------------------------------------
 * Progress and filters
 */

static void
update_progress (PwPolicyPage *self)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n_in_place = 0, n_items = 0, n_overdue = 0;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) items = pw_policy_get_ordered_items (self->policy);

  pw_policy_count (self->policy, NULL, get_date (self), &n_in_place, &n_items);
  /* Translators: the progress of the whole policy checklist, "12 of 35 in place (34 %)" */
  text = g_strdup_printf (_("%u of %u in place (%u %%)"), n_in_place, n_items,
                          n_items ? n_in_place * 100 / n_items : 0);
  if (items->len > n_items)
    {
      guint n_waived = items->len - n_items;
      /* Translators: after the progress of the checklist: the items left out of it */
      g_autofree char *waived = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%s · %u not applicable",
                                                              "%s · %u not applicable",
                                                              n_waived), text, n_waived);

      g_free (text);
      text = g_steal_pointer (&waived);
    }
  gtk_label_set_label (self->overall_label, text);
  gtk_level_bar_set_value (self->overall_bar, n_items ? (double) n_in_place / n_items : 0);

  for (guint i = 0; i < items->len; i++)
    if (is_overdue (self, g_ptr_array_index (items, i)))
      n_overdue++;
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review overdue",
                                       "%u reviews overdue", n_overdue), n_overdue);
  gtk_label_set_label (self->overdue_label, text);
  gtk_widget_set_visible (self->overdue_box, n_overdue > 0);

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *description = NULL;

      pw_policy_count (self->policy, key, get_date (self), &n_in_place, &n_items);
      if (n_items > 0)
        /* Translators: the progress of one category of the policy checklist */
        description = g_strdup_printf (_("%u of %u in place"), n_in_place, n_items);
      else
        description = g_strdup (_("No items that apply"));
      adw_preferences_group_set_description (value, description);
      gtk_level_bar_set_value (g_object_get_data (value, "pw-bar"),
                               n_items ? (double) n_in_place / n_items : 0);
      gtk_widget_set_visible (g_object_get_data (value, "pw-bar"), n_items > 0);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
update_owners (PwPolicyPage *self)
{
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  GListModel *items = pw_policy_get_items (self->policy);
  g_autoptr(GtkStringList) list = NULL;
  guint selected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);
      const char *owner = pw_policy_item_get_owner (item);

      if (owner != NULL && *owner != '\0'
          && !g_ptr_array_find_with_equal_func (owners, owner, g_str_equal, NULL))
        g_ptr_array_add (owners, g_strdup (owner));
    }
  if (*self->filter_owner != '\0'
      && !g_ptr_array_find_with_equal_func (owners, self->filter_owner, g_str_equal, NULL))
    g_ptr_array_add (owners, g_strdup (self->filter_owner));
  g_ptr_array_sort (owners, compare_strings);
  g_ptr_array_add (owners, NULL);

  if (self->owners != NULL && g_strv_equal ((const char * const *) self->owners,
                                            (const char * const *) owners->pdata))
    return;

  g_strfreev (self->owners);
  self->owners = g_strdupv ((char **) owners->pdata);
  list = gtk_string_list_new (NULL);
  gtk_string_list_append (list, _("Any Owner"));
  for (guint i = 0; self->owners[i] != NULL; i++)
    {
      gtk_string_list_append (list, self->owners[i]);
      if (g_str_equal (self->owners[i], self->filter_owner))
        selected = i + 1;
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
  self->updating = FALSE;
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
item_matches (PwPolicyPage *self,
              PwPolicyItem *item,
              const char   *needle)
{
  PwPolicyStatus status;

  if (self->subset != NULL && !g_hash_table_contains (self->subset, pw_policy_item_get_id (item)))
    return FALSE;
  if (parse_status (self->filter_status, &status) && get_item_status (self, item) != status)
    return FALSE;
  if (*self->filter_owner != '\0'
      && g_strcmp0 (pw_policy_item_get_owner (item), self->filter_owner) != 0)
    return FALSE;
  if (self->filter_core && !pw_policy_item_get_core (item))
    return FALSE;
  if (self->filter_overdue && !is_overdue (self, item))
    return FALSE;
  if (needle != NULL
      && !contains_folded (pw_policy_item_get_title (item), needle)
      && !contains_folded (pw_policy_item_get_description (item), needle)
      && !contains_folded (pw_policy_item_get_owner (item), needle)
      && !contains_folded (pw_policy_item_get_note (item), needle))
    return FALSE;
  return TRUE;
}

static gboolean
filtering (PwPolicyPage *self)
{
  return self->subset != NULL || *self->search != '\0' || *self->filter_owner != '\0'
         || g_strcmp0 (self->filter_status, "any") != 0
         || self->filter_core || self->filter_overdue;
}

static void
apply_filters (PwPolicyPage *self)
{
  g_autoptr(GPtrArray) items = pw_policy_get_ordered_items (self->policy);
  g_autofree char *needle = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  if (*self->search != '\0')
    needle = g_utf8_casefold (self->search, -1);

  self->n_shown = 0;
  for (guint i = 0; i < items->len; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = g_hash_table_lookup (self->rows, pw_policy_item_get_id (item));
      gboolean visible = item_matches (self, item, needle);

      if (row == NULL)
        continue;
      gtk_widget_set_visible (row, visible);
      if (visible)
        {
          self->n_shown++;
          g_hash_table_add (shown, (gpointer) pw_policy_item_get_category (item));
        }
    }

  /* Empty custom categories show while nothing is filtered */
  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_widget_set_visible (value, g_hash_table_contains (shown, key) || !filtering (self));

  if (filtering (self))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u item shown",
                                         "%u of %u items shown", items->len),
                            self->n_shown, items->len);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", items->len),
                            items->len);
  gtk_label_set_label (self->shown_label, text);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    self->n_shown > 0 || items->len == 0 ? "list" : "no-match");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "policy.clear-filters", filtering (self));
}

static void
update_actions (PwPolicyPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->policy != NULL && !is_past (self);
  static const char * const edit_actions[] = {
    "policy.set-status", "policy.add-item", "policy.add-category", "policy.remove-item",
    "policy.edit-item", "policy.move-item-up", "policy.move-item-down",
    "policy.rename-category", "policy.remove-category", "policy.move-category-up",
    "policy.move-category-down",
  };

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (widget, edit_actions[i], editable);
}

static void
refresh (PwPolicyPage *self)
{
  g_autofree char *structure = NULL;

  if (self->policy == NULL)
    return;

  structure = describe_structure (self);
  if (g_strcmp0 (structure, self->structure) != 0)
    {
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
      rebuild_sections (self);
    }
  update_owners (self);
  update_progress (self);
  apply_filters (self);
  update_actions (self);
  focus_pending_row (self);
}

static void
refresh_cb (gpointer user_data)
{
  PwPolicyPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);
}

static void
schedule_refresh (PwPolicyPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_once (refresh_cb, self);
}

/* Runs a refresh that is due at once: actions and tests see its result. */
static void
flush_refresh (PwPolicyPage *self)
{
  if (self->refresh_source != 0)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      refresh (self);
    }
}

static void
update_all_rows (PwPolicyPage *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    update_row (self, value);
}

/* ------------------------------------------------------------------------
 * Properties
 */

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  return TRUE;
}

static void
set_search (PwPolicyPage *self,
            const char   *search)
{
  if (!set_string (&self->search, search))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->search) != 0)
    {
      /* The entry says it is empty on the way, the search stays */
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), self->search);
      self->updating = FALSE;
    }
  if (self->policy != NULL)
    apply_filters (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
}

static void
set_filter_status (PwPolicyPage *self,
                   const char   *status_id)
{
  PwPolicyStatus status;
  guint position = 0;

  if (!parse_status (status_id, &status))
    status_id = "any";
  else
    position = status + 1;
  if (!set_string (&self->filter_status, status_id))
    return;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, position);
  self->updating = FALSE;
  label_filters (self);
  if (self->policy != NULL)
    apply_filters (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTER_STATUS]);
}

/* What a screen reader says for the filters: what they show */
static void
label_filters (PwPolicyPage *self)
{
  PwPolicyStatus status;
  g_autofree char *status_text = NULL;
  g_autofree char *owner_text = NULL;

  /* Translators: spoken for the status filter; %s is a status, or "Any Status" */
  status_text = g_strdup_printf (_("Status shown: %s"),
                                 parse_status (self->filter_status, &status)
                                 ? status_label (status) : _("Any Status"));
  /* Translators: spoken for the owner filter; %s is an owner, or "Any Owner" */
  owner_text = g_strdup_printf (_("Owner shown: %s"),
                                *self->filter_owner ? self->filter_owner : _("Any Owner"));
  label_dropdown (GTK_WIDGET (self->status_dropdown), status_text);
  label_dropdown (GTK_WIDGET (self->owner_dropdown), owner_text);
}

static void
set_filter_owner (PwPolicyPage *self,
                  const char   *owner)
{
  guint selected = 0;

  if (!set_string (&self->filter_owner, owner))
    return;
  if (self->policy != NULL)
    {
      update_owners (self);
      for (guint i = 0; self->owners && self->owners[i]; i++)
        if (g_str_equal (self->owners[i], self->filter_owner))
          selected = i + 1;
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->owner_dropdown, selected);
      self->updating = FALSE;
      apply_filters (self);
    }
  label_filters (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILTER_OWNER]);
}

static void
set_flag (PwPolicyPage *self,
          gboolean     *field,
          gboolean      value,
          int           prop_id)
{
  if (*field == !!value)
    return;
  *field = !!value;
  if (self->policy != NULL)
    apply_filters (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

/* The calendar of the As of button shows the day shown */
static void
select_calendar_day (PwPolicyPage *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (parse_date (get_date (self), &date))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 0, 0, 0);
  else
    day = g_date_time_new_now_local ();
  gtk_calendar_select_day (self->date_calendar, day);
}

static void
update_date_controls (PwPolicyPage *self)
{
  g_autofree char *label = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *day = NULL;
  const char *since = self->policy ? pw_policy_get_history_since (self->policy) : NULL;

  select_calendar_day (self);
  if (!is_past (self))
    {
      gtk_menu_button_set_label (self->date_button, _("As of: Today"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("As of: Today"), -1);
      gtk_widget_set_visible (self->past_notice, FALSE);
      return;
    }

  day = format_date (self->view_date);
  /* Translators: the button that shows the checklist as of a past day */
  label = g_strdup_printf (_("As of: %s"), day);
  gtk_menu_button_set_label (self->date_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (since != NULL && g_strcmp0 (self->view_date, since) < 0)
    {
      g_autofree char *since_day = format_date (since);

      notice = g_strdup_printf (_("The history is known from %s; before it, every item is "
                                  "shown with the status it had that day."), since_day);
    }
  else
    /* Translators: %s is a past day */
    notice = g_strdup_printf (_("The checklist as it stood on %s. It cannot be changed "
                                "there: go back to today to edit it."), day);
  gtk_label_set_label (self->past_label, notice);
  gtk_widget_set_visible (self->past_notice, TRUE);
}

static void
set_view_date (PwPolicyPage *self,
               const char   *date)
{
  g_autofree char *today = dup_today ();
  GDate parsed;

  if (date == NULL || !parse_date (date, &parsed) || g_strcmp0 (date, today) >= 0)
    date = "";
  if (!set_string (&self->view_date, date))
    return;

  update_date_controls (self);
  gtk_popover_popdown (self->date_popover);
  if (self->policy != NULL)
    {
      update_all_rows (self);
      update_progress (self);
      apply_filters (self);
      update_actions (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW_DATE]);
}

/* ------------------------------------------------------------------------
 * Actions
 */

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PwPolicyPage *self = PW_POLICY_PAGE (widget);
  const char *id, *status_id;
  PwPolicyStatus status;
  PwPolicyItem *item;

  g_variant_get (parameter, "(&s&s)", &id, &status_id);
  item = find_item (self, id);
  if (item == NULL || !parse_status (status_id, &status))
    return;

  request_status (self, item, status);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pw_policy_page_show_all (PW_POLICY_PAGE (widget));
}

/* Sibling custom items of @item's category, in display order */
static PwPolicyItem *
find_custom_sibling (PwPolicyPage *self,
                     PwPolicyItem *item,
                     int           direction)
{
  g_autoptr(GPtrArray) items = pw_policy_get_ordered_items (self->policy);
  g_autoptr(GPtrArray) siblings = g_ptr_array_new ();
  guint position;

  for (guint i = 0; i < items->len; i++)
    {
      PwPolicyItem *other = g_ptr_array_index (items, i);

      if (pw_policy_item_get_custom (other)
          && g_strcmp0 (pw_policy_item_get_category (other),
                        pw_policy_item_get_category (item)) == 0)
        g_ptr_array_add (siblings, other);
    }

  if (!g_ptr_array_find (siblings, item, &position))
    return NULL;
  if ((direction < 0 && position == 0) || (direction > 0 && position + 1 >= siblings->len))
    return NULL;
  return g_ptr_array_index (siblings, position + direction);
}

static void
move_item (PwPolicyPage *self,
           const char   *id,
           int           direction)
{
  PwPolicyItem *item = find_item (self, id);
  PwPolicyItem *sibling;

  if (item == NULL || !pw_policy_item_get_custom (item))
    return;

  sibling = find_custom_sibling (self, item, direction);
  if (sibling == NULL)
    return;

  g_free (self->focus_id);
  self->focus_id = g_strdup (id);
  if (direction < 0)
    pw_policy_move_custom_item (self->policy, item, sibling);
  else
    pw_policy_move_custom_item (self->policy, item,
                                find_custom_sibling (self, sibling, 1));
  flush_refresh (self);
}

static void
move_item_up_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_item (PW_POLICY_PAGE (widget), g_variant_get_string (parameter, NULL), -1);
}

static void
move_item_down_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_item (PW_POLICY_PAGE (widget), g_variant_get_string (parameter, NULL), 1);
}

static void
item_title_changed_cb (GtkEditable      *title,
                       AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (title)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
item_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PwPolicyPage     *self)
{
  PwPolicyItem *existing = g_object_get_data (G_OBJECT (dialog), "pw-item");
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "pw-title");
  GtkEditable *description = g_object_get_data (G_OBJECT (dialog), "pw-description");
  AdwComboRow *category = g_object_get_data (G_OBJECT (dialog), "pw-category");
  GtkSwitch *core = g_object_get_data (G_OBJECT (dialog), "pw-core");
  char **ids = g_object_get_data (G_OBJECT (dialog), "pw-category-ids");
  g_autofree char *title_text = g_strstrip (g_strdup (gtk_editable_get_text (title)));
  g_autofree char *description_text = g_strstrip (g_strdup (gtk_editable_get_text (description)));
  g_autoptr(PwPolicyItem) item = NULL;
  guint selected = adw_combo_row_get_selected (category);

  if (!g_str_equal (response, "save") || *title_text == '\0' || self->policy == NULL)
    return;

  if (existing != NULL)
    item = g_object_ref (existing);
  else
    {
      g_autofree char *id = pw_policy_new_custom_id (self->policy);

      item = pw_policy_item_new (id, TRUE);
    }

  pw_workbook_begin_edit (self->workbook, existing ? _("Edit policy item")
                                                   : _("Add policy item"));
  pw_policy_item_set_title (item, title_text);
  pw_policy_item_set_description (item, *description_text ? description_text : NULL);
  if (selected < g_strv_length (ids))
    pw_policy_item_set_category (item, ids[selected]);
  if (!pw_policy_item_set_core (item, gtk_switch_get_active (core)))
    show_toast (self, _("This item cannot change whether it is core"));
  if (existing == NULL)
    pw_policy_add_custom_item (self->policy, item);
  pw_workbook_end_edit (self->workbook);

  g_free (self->focus_id);
  self->focus_id = g_strdup (pw_policy_item_get_id (item));
  flush_refresh (self);
}

static GtkWidget *
create_item_form (PwPolicyPage     *self,
                  AdwMessageDialog *dialog,
                  PwPolicyItem     *item,
                  const char       *default_category)
{
  GtkWidget *list = create_boxed_list ();
  GtkWidget *title = adw_entry_row_new ();
  GtkWidget *description = adw_entry_row_new ();
  GtkWidget *category = adw_combo_row_new ();
  GtkWidget *core_row = adw_action_row_new ();
  GtkWidget *core = gtk_switch_new ();
  g_auto(GStrv) ids = pw_policy_list_categories (self->policy);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *current = item ? pw_policy_item_get_category (item) : default_category;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (title), _("Title"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (description), _("Description"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (category), _("Category"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (core_row), _("Core Item"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (core_row),
                               _("Must be in place for governance to pass phase 3"));
  gtk_widget_set_valign (core, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (core_row), core);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (core_row), core);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      gtk_string_list_append (names, pw_policy_get_category_name (self->policy, ids[i]));
      if (g_strcmp0 (ids[i], current) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (category), i);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (category), G_LIST_MODEL (names));
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], current) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (category), i);

  if (item != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (title), pw_policy_item_get_title (item) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (description),
                             pw_policy_item_get_description (item) ?: "");
      gtk_switch_set_active (GTK_SWITCH (core), pw_policy_item_get_core (item));
    }

  gtk_list_box_append (GTK_LIST_BOX (list), title);
  gtk_list_box_append (GTK_LIST_BOX (list), description);
  gtk_list_box_append (GTK_LIST_BOX (list), category);
  gtk_list_box_append (GTK_LIST_BOX (list), core_row);

  g_object_set_data (G_OBJECT (dialog), "pw-title", title);
  g_object_set_data (G_OBJECT (dialog), "pw-description", description);
  g_object_set_data (G_OBJECT (dialog), "pw-category", category);
  g_object_set_data (G_OBJECT (dialog), "pw-core", core);
  g_object_set_data_full (G_OBJECT (dialog), "pw-category-ids", g_steal_pointer (&ids),
                          (GDestroyNotify) g_strfreev);
  g_signal_connect_object (title, "changed", G_CALLBACK (item_title_changed_cb), dialog, 0);
  return list;
}

static void
show_item_dialog (PwPolicyPage *self,
                  PwPolicyItem *item)
{
  AdwMessageDialog *dialog;
  GListModel *custom = pw_policy_get_custom_categories (self->policy);
  g_autoptr(PwCustomCategory) first_custom = NULL;
  g_auto(GStrv) ids = pw_policy_list_categories (self->policy);
  const char *category;

  /* A new item goes to the first custom category, else the first one */
  if (g_list_model_get_n_items (custom) > 0)
    first_custom = g_list_model_get_item (custom, 0);
  category = first_custom ? pw_custom_category_get_id (first_custom) : ids[0];

  dialog = create_dialog (self, item ? _("Edit Item") : _("Add Item"), NULL);
  adw_message_dialog_add_response (dialog, "save", item ? _("_Save") : _("_Add"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_extra_child (dialog, create_item_form (self, dialog, item, category));
  if (item != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "pw-item", g_object_ref (item), g_object_unref);
  item_title_changed_cb (g_object_get_data (G_OBJECT (dialog), "pw-title"), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (item_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PwPolicyPage *self = PW_POLICY_PAGE (widget);

  if (self->policy != NULL)
    show_item_dialog (self, NULL);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwPolicyPage *self = PW_POLICY_PAGE (widget);
  PwPolicyItem *item = find_item (self, g_variant_get_string (parameter, NULL));

  if (item != NULL && pw_policy_item_get_custom (item))
    show_item_dialog (self, item);
}

/* Asks before @object goes; @response_cb gets the answer, @object under
 * @key on the dialog */
static void
ask_removal (PwPolicyPage *self,
             const char   *heading,
             const char   *body,
             const char   *key,
             gpointer      object,
             GCallback     response_cb)
{
  AdwMessageDialog *dialog = create_dialog (self, heading, body);

  adw_message_dialog_add_response (dialog, "remove", _("_Remove"));
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), key, g_object_ref (object), g_object_unref);
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_item_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         PwPolicyPage     *self)
{
  PwPolicyItem *item = g_object_get_data (G_OBJECT (dialog), "pw-item");
  g_autofree char *text = NULL;
  PwWindow *window = get_window (self);

  if (!g_str_equal (response, "remove") || self->policy == NULL)
    return;

  /* Translators: a toast after removing a policy item; %s is its title */
  text = g_strdup_printf (_("Removed “%s”"), pw_policy_item_get_title (item));
  pw_policy_remove_custom_item (self->policy, item);
  if (window != NULL)
    pw_window_show_undo_toast (window, text);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwPolicyPage *self = PW_POLICY_PAGE (widget);
  PwPolicyItem *item = find_item (self, g_variant_get_string (parameter, NULL));
  g_autofree char *body = NULL;

  if (item == NULL || !pw_policy_item_get_custom (item))
    return;

  /* Translators: %s is a policy item's title */
  body = g_strdup_printf (_("“%s” and its history are removed from the checklist."),
                          pw_policy_item_get_title (item));
  ask_removal (self, _("Remove Item?"), body, "pw-item", item,
               G_CALLBACK (remove_item_response_cb));
}

static void
name_changed_cb (GtkEditable      *name,
                 AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
category_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PwPolicyPage     *self)
{
  PwCustomCategory *existing = g_object_get_data (G_OBJECT (dialog), "pw-category");
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "pw-name");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  if (!g_str_equal (response, "save") || *text == '\0' || self->policy == NULL)
    return;

  if (existing != NULL)
    pw_custom_category_set_name (existing, text);
  else
    {
      g_autofree char *id = pw_policy_new_custom_category_id (self->policy);
      g_autoptr(PwCustomCategory) category = pw_custom_category_new (id, text);

      pw_policy_add_custom_category (self->policy, category);
    }
  flush_refresh (self);
}

static void
show_category_dialog (PwPolicyPage     *self,
                      PwCustomCategory *category)
{
  AdwMessageDialog *dialog;
  GtkWidget *list = create_boxed_list ();
  GtkWidget *name = adw_entry_row_new ();

  dialog = create_dialog (self, category ? _("Rename Category") : _("Add Category"), NULL);
  adw_message_dialog_add_response (dialog, "save", category ? _("_Rename") : _("_Add"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  if (category != NULL)
    gtk_editable_set_text (GTK_EDITABLE (name), pw_custom_category_get_name (category));
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  adw_message_dialog_set_extra_child (dialog, list);

  if (category != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "pw-category", g_object_ref (category),
                            g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "pw-name", name);
  g_signal_connect_object (name, "changed", G_CALLBACK (name_changed_cb), dialog, 0);
  name_changed_cb (GTK_EDITABLE (name), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (category_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PwPolicyPage *self = PW_POLICY_PAGE (widget);

  if (self->policy != NULL)
    show_category_dialog (self, NULL);
}

static PwCustomCategory *
find_category (PwPolicyPage *self,
               GVariant     *parameter)
{
  return self->policy ? pw_policy_find_custom_category (self->policy,
                                                        g_variant_get_string (parameter, NULL))
                      : NULL;
}

static void
rename_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PwPolicyPage *self = PW_POLICY_PAGE (widget);
  PwCustomCategory *category = find_category (self, parameter);

  if (category != NULL)
    show_category_dialog (self, category);
}

static void
remove_category_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             PwPolicyPage     *self)
{
  PwCustomCategory *category = g_object_get_data (G_OBJECT (dialog), "pw-category");
  g_autofree char *text = NULL;
  PwWindow *window = get_window (self);

  if (!g_str_equal (response, "remove") || self->policy == NULL)
    return;

  /* Translators: a toast after removing a policy category; %s is its name */
  text = g_strdup_printf (_("Removed “%s”"), pw_custom_category_get_name (category));
  pw_policy_remove_custom_category (self->policy, category);
  if (window != NULL)
    pw_window_show_undo_toast (window, text);
}

static void
remove_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PwPolicyPage *self = PW_POLICY_PAGE (widget);
  PwCustomCategory *category = find_category (self, parameter);
  g_autofree char *body = NULL;
  guint n_items = 0;
  g_autoptr(GPtrArray) items = NULL;

  if (category == NULL)
    return;

  items = pw_policy_get_ordered_items (self->policy);
  n_items = 0;
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (pw_policy_item_get_category (g_ptr_array_index (items, i)),
                   pw_custom_category_get_id (category)) == 0)
      n_items++;

  /* Translators: %s is a category's name, %u the number of its items */
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "“%s” is removed with its %u item.",
                                       "“%s” is removed with its %u items.", n_items),
                          pw_custom_category_get_name (category), n_items);
  ask_removal (self, _("Remove Category?"), body, "pw-category", category,
               G_CALLBACK (remove_category_response_cb));
}

static void
move_category (PwPolicyPage *self,
               GVariant     *parameter,
               int           direction)
{
  PwCustomCategory *category = find_category (self, parameter);
  GListModel *custom;
  guint position;

  if (category == NULL)
    return;
  custom = pw_policy_get_custom_categories (self->policy);
  if (!g_list_store_find (G_LIST_STORE (custom), category, &position)
      || (direction < 0 && position == 0))
    return;
  pw_policy_move_custom_category (self->policy, category, position + direction);
  flush_refresh (self);
}

static void
move_category_up_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  move_category (PW_POLICY_PAGE (widget), parameter, -1);
}

static void
move_category_down_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  move_category (PW_POLICY_PAGE (widget), parameter, 1);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pw_policy_page_show_all (PW_POLICY_PAGE (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PW_POLICY_PAGE (widget)->search_entry));
}

/* ------------------------------------------------------------------------
 * Template callbacks
 */

static void
search_changed_cb (PwPolicyPage   *self,
                   GtkSearchEntry *entry)
{
  if (!self->updating)
    set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
status_filter_cb (PwPolicyPage *self,
                  GParamSpec   *pspec,
                  GtkDropDown  *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating)
    return;
  set_filter_status (self, selected > 0 && selected <= G_N_ELEMENTS (status_ids)
                           ? status_ids[selected - 1] : "any");
}

static void
owner_filter_cb (PwPolicyPage *self,
                 GParamSpec   *pspec,
                 GtkDropDown  *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->owners == NULL)
    return;
  set_filter_owner (self, selected > 0 && selected <= g_strv_length (self->owners)
                          ? self->owners[selected - 1] : "");
}

static void
calendar_cb (PwPolicyPage *self,
             GtkCalendar  *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  set_view_date (self, text);
  gtk_popover_popdown (self->date_popover);
}

/* ------------------------------------------------------------------------
 * GObject
 */

static void
pw_policy_page_dispose (GObject *object)
{
  PwPolicyPage *self = (PwPolicyPage *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_POLICY_PAGE);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->subset, g_hash_table_unref);
  g_clear_object (&self->policy);
  g_clear_object (&self->workbook);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pw_policy_page_parent_class)->dispose (object);
}

static void
pw_policy_page_finalize (GObject *object)
{
  PwPolicyPage *self = (PwPolicyPage *)object;

  g_free (self->structure);
  g_strfreev (self->owners);
  g_free (self->focus_id);
  g_free (self->search);
  g_free (self->filter_status);
  g_free (self->filter_owner);
  g_free (self->view_date);

  G_OBJECT_CLASS (pw_policy_page_parent_class)->finalize (object);
}

static void
pw_policy_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwPolicyPage *self = PW_POLICY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_FILTER_STATUS:
      g_value_set_string (value, self->filter_status);
      break;
    case PROP_FILTER_OWNER:
      g_value_set_string (value, self->filter_owner);
      break;
    case PROP_FILTER_OVERDUE:
      g_value_set_boolean (value, self->filter_overdue);
      break;
    case PROP_FILTER_CORE:
      g_value_set_boolean (value, self->filter_core);
      break;
    case PROP_VIEW_DATE:
      g_value_set_string (value, self->view_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_policy_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwPolicyPage *self = PW_POLICY_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      set_search (self, g_value_get_string (value));
      break;
    case PROP_FILTER_STATUS:
      set_filter_status (self, g_value_get_string (value));
      break;
    case PROP_FILTER_OWNER:
      set_filter_owner (self, g_value_get_string (value));
      break;
    case PROP_FILTER_OVERDUE:
      set_flag (self, &self->filter_overdue, g_value_get_boolean (value), PROP_FILTER_OVERDUE);
      break;
    case PROP_FILTER_CORE:
      set_flag (self, &self->filter_core, g_value_get_boolean (value), PROP_FILTER_CORE);
      break;
    case PROP_VIEW_DATE:
      set_view_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name,
                 const char *default_value)
{
  return g_param_spec_string (name, NULL, NULL, default_value,
                              (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                               | G_PARAM_STATIC_STRINGS));
}

static void
pw_policy_page_class_init (PwPolicyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct {
    const char *name;
    const char *type;
    GtkWidgetActionActivateFunc activate;
  } actions[] = {
    { "policy.set-status", "(ss)", set_status_action },
    { "policy.clear-filters", NULL, clear_filters_action },
    { "policy.show-all", NULL, show_all_action },
    { "policy.add-item", NULL, add_item_action },
    { "policy.edit-item", "s", edit_item_action },
    { "policy.remove-item", "s", remove_item_action },
    { "policy.move-item-up", "s", move_item_up_action },
    { "policy.move-item-down", "s", move_item_down_action },
    { "policy.add-category", NULL, add_category_action },
    { "policy.rename-category", "s", rename_category_action },
    { "policy.remove-category", "s", remove_category_action },
    { "policy.move-category-up", "s", move_category_up_action },
    { "policy.move-category-down", "s", move_category_down_action },
    { "policy.focus-search", NULL, focus_search_action },
  };

  object_class->dispose = pw_policy_page_dispose;
  object_class->finalize = pw_policy_page_finalize;
  object_class->get_property = pw_policy_page_get_property;
  object_class->set_property = pw_policy_page_set_property;

  /* The filters: each is also a policy.* action of the same value */
  properties [PROP_SEARCH] = string_property ("search", "");
  properties [PROP_FILTER_STATUS] = string_property ("filter-status", "any");
  properties [PROP_FILTER_OWNER] = string_property ("filter-owner", "");
  properties [PROP_FILTER_OVERDUE] =
    g_param_spec_boolean ("filter-overdue", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_FILTER_CORE] =
    g_param_spec_boolean ("filter-core", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * PwPolicyPage:view-date:
   *
   * The day, YYYY-MM-DD, the checklist is shown as it stood on, read-only;
   * "" for today.
   */
  properties [PROP_VIEW_DATE] = string_property ("view-date", "");
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-policy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, date_button);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, date_popover);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, overall_label);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, overall_bar);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, past_notice);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, past_label);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, subset_notice);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, subset_label);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PwPolicyPage, sections_box);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].type,
                                     actions[i].activate);
  gtk_widget_class_install_property_action (widget_class, "policy.search", "search");
  gtk_widget_class_install_property_action (widget_class, "policy.filter-status", "filter-status");
  gtk_widget_class_install_property_action (widget_class, "policy.filter-owner", "filter-owner");
  gtk_widget_class_install_property_action (widget_class, "policy.filter-overdue",
                                            "filter-overdue");
  gtk_widget_class_install_property_action (widget_class, "policy.filter-core", "filter-core");
  gtk_widget_class_install_property_action (widget_class, "policy.view-as-of", "view-date");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "policy.focus-search", NULL);
}

static void
pw_policy_page_init (PwPolicyPage *self)
{
  const char *filters[G_N_ELEMENTS (status_ids) + 2] = { NULL, };

  self->search = g_strdup ("");
  self->filter_status = g_strdup ("any");
  self->filter_owner = g_strdup ("");
  self->view_date = g_strdup ("");
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template's top-level child is not bound: AdwBin unparents it. */
  self->main_stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  filters[0] = _("Any Status");
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    filters[i + 1] = status_label ((PwPolicyStatus) i);
  {
    g_autoptr(GtkStringList) list = gtk_string_list_new (filters);

    gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (list));
  }

  /* Typing in the checklist, outside its fields, searches it */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  label_filters (self);

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (status_filter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_dropdown, "notify::selected",
                           G_CALLBACK (owner_filter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_calendar, "day-selected",
                           G_CALLBACK (calendar_cb), self, G_CONNECT_SWAPPED);
  update_date_controls (self);
  update_actions (self);
}

/* ------------------------------------------------------------------------
 * Public
 */

static void
set_workbook (PwPolicyPage *self,
              PwWorkbook   *workbook)
{
  if (self->policy != NULL)
    g_signal_handlers_disconnect_by_data (self->policy, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_pointer (&self->structure, g_free);
  g_clear_pointer (&self->owners, g_strfreev);
  g_clear_pointer (&self->subset, g_hash_table_unref);
  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->groups);
  g_hash_table_remove_all (self->expanded);
  if (self->sections_box != NULL)
    _pw_box_remove_all (self->sections_box);
  g_set_object (&self->workbook, workbook);
  if (workbook != NULL)
    g_set_object (&self->policy, pw_workbook_get_policy (workbook));
  else
    g_clear_object (&self->policy);
  gtk_widget_set_visible (self->subset_notice, FALSE);

  if (self->policy != NULL)
    {
      g_signal_connect_object (self->policy, "changed", G_CALLBACK (schedule_refresh), self,
                               G_CONNECT_SWAPPED);
      refresh (self);
    }
  if (self->date_button != NULL)
    update_date_controls (self);
  update_actions (self);
}

static void
document_workbook_cb (PwPolicyPage *self,
                      GParamSpec   *pspec,
                      PwDocument   *document)
{
  set_workbook (self, pw_document_get_workbook (document));
}

/**
 * pw_policy_page_set_document:
 * @document: (nullable): the document to show
 *
 * Shows the policy checklist of @document's workbook, also after it is
 * loaded again.
 */
void
pw_policy_page_set_document (PwPolicyPage *self,
                             PwDocument   *document)
{
  g_return_if_fail (PW_IS_POLICY_PAGE (self));
  g_return_if_fail (document == NULL || PW_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  if (document != NULL)
    g_signal_connect_object (document, "notify::workbook", G_CALLBACK (document_workbook_cb),
                             self, G_CONNECT_SWAPPED);

  set_workbook (self, document ? pw_document_get_workbook (document) : NULL);
}

/* Why the items of pw_policy_page_show_items() are shown */
static char *
describe_subset (PwPolicyPage       *self,
                 const char * const *ids)
{
  guint n = 0;
  gboolean all_missing_core = TRUE;
  gboolean all_waived_core = TRUE;
  gboolean all_core = TRUE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      PwPolicyItem *item = find_item (self, ids[i]);

      if (item == NULL)
        continue;
      n++;
      if (!pw_policy_item_get_core (item))
        all_core = FALSE;
      if (!pw_policy_item_get_core (item) || pw_policy_item_is_satisfied (item))
        all_missing_core = FALSE;
      if (!pw_policy_item_get_core (item)
          || pw_policy_item_get_status (item) != PW_POLICY_NOT_APPLICABLE)
        all_waived_core = FALSE;
    }

  if (n > 0 && all_missing_core)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The core item that holds governance at phase 3",
                                         "The %u core items that hold governance at phase 3",
                                         n), n);
  if (n > 0 && all_waived_core)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The core item marked not applicable",
                                         "The %u core items marked not applicable",
                                         n), n);
  if (n > 0 && all_core)
    /* Translators: core items that held an earlier assessment back, and
     * are in place by now */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The core item named by the result",
                                         "The %u core items named by the result",
                                         n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %u item asked for",
                                       "The %u items asked for", n), n);
}

/**
 * pw_policy_page_show_items:
 * @ids: the ids of the items to show
 *
 * Shows exactly the items @ids, all other filters cleared, with a notice
 * that says why and a button back to all items.
 */
void
pw_policy_page_show_items (PwPolicyPage       *self,
                           const char * const *ids)
{
  g_autofree char *reason = NULL;

  g_return_if_fail (PW_IS_POLICY_PAGE (self));
  g_return_if_fail (ids != NULL);

  if (self->policy == NULL)
    return;

  pw_policy_page_show_all (self);
  self->subset = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (self->subset, g_strdup (ids[i]));

  reason = describe_subset (self, ids);
  gtk_label_set_label (self->subset_label, reason);
  gtk_widget_set_visible (self->subset_notice, TRUE);
  flush_refresh (self);
  apply_filters (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

/**
 * pw_policy_page_show_all:
 *
 * Shows every item: the filters, the search and the items asked for by
 * pw_policy_page_show_items() are cleared.
 */
void
pw_policy_page_show_all (PwPolicyPage *self)
{
  g_return_if_fail (PW_IS_POLICY_PAGE (self));

  g_clear_pointer (&self->subset, g_hash_table_unref);
  gtk_widget_set_visible (self->subset_notice, FALSE);
  g_object_freeze_notify (G_OBJECT (self));
  set_search (self, "");
  set_filter_status (self, "any");
  set_filter_owner (self, "");
  set_flag (self, &self->filter_overdue, FALSE, PROP_FILTER_OVERDUE);
  set_flag (self, &self->filter_core, FALSE, PROP_FILTER_CORE);
  g_object_thaw_notify (G_OBJECT (self));
  if (self->policy != NULL)
    apply_filters (self);
}

/**
 * pw_policy_page_get_n_shown:
 *
 * Returns: how many items the filters show
 */
guint
pw_policy_page_get_n_shown (PwPolicyPage *self)
{
  g_return_val_if_fail (PW_IS_POLICY_PAGE (self), 0);

  flush_refresh (self);
  return self->n_shown;
}

/**
 * pw_policy_page_get_row:
 * @item_id: an item's id
 *
 * Returns: (transfer none) (nullable): the row of the item
 */
GtkWidget *
pw_policy_page_get_row (PwPolicyPage *self,
                        const char   *item_id)
{
  g_return_val_if_fail (PW_IS_POLICY_PAGE (self), NULL);

  flush_refresh (self);
  return g_hash_table_lookup (self->rows, item_id);
}
