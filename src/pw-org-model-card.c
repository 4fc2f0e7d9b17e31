/* pw-org-model-card.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-org-model-card"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-org-model-card.h"

/**
 * PwOrgModelCard:
 *
 * The organizational model that the workbook's map shows, as context: its
 * name, what it is, whom it suits, what speaks for and against it and the
 * usual next step (pw_org_map_detect_model() and the pw_org_model_get_*()
 * texts, docs/org-models.md).  It describes the form of the organization and
 * never a maturity: the card says so, and shows no phase.
 *
 * The card follows the map: teams and links added or removed, and teams
 * edited (their kind, their experts), through #PwOrgMap::changed.
 */

struct _PwOrgModelCard
{
  AdwBin      parent_instance;

  GtkLabel   *name_label;
  GtkLabel   *description_label;
  GtkLabel   *fit_label;
  GtkLabel   *pros_label;
  GtkLabel   *cons_label;
  GtkLabel   *next_step_label;

  PwWorkbook *workbook;
  PwOrgMap   *map;
  PwOrgModel  model;
};

G_DEFINE_FINAL_TYPE (PwOrgModelCard, pw_org_model_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_model (PwOrgModelCard *self)
{
  gtk_label_set_label (self->name_label, pw_org_model_get_name (self->model));
  gtk_label_set_label (self->description_label, pw_org_model_get_description (self->model));
  gtk_label_set_label (self->fit_label, pw_org_model_get_fit (self->model));
  gtk_label_set_label (self->pros_label, pw_org_model_get_pros (self->model));
  gtk_label_set_label (self->cons_label, pw_org_model_get_cons (self->model));
  gtk_label_set_label (self->next_step_label, pw_org_model_get_next_step (self->model));
}

static void
update_model (PwOrgModelCard *self)
{
  PwOrgModel model = self->map != NULL ? pw_org_map_detect_model (self->map)
                                       : PW_ORG_MODEL_NONE;

  if (model == self->model)
    return;

  self->model = model;
  show_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
}

static void
map_changed_cb (PwOrgMap       *map,
                PwOrgModelCard *self)
{
  update_model (self);
}

static GtkLabel *
create_text (GtkWidget  *box,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return GTK_LABEL (label);
}

/* A heading, "Pros", and its paragraph below, which it labels for screen
 * readers */
static GtkLabel *
create_section (GtkWidget  *box,
                const char *title)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkLabel *heading = create_text (section, "heading");
  GtkLabel *text = create_text (section, NULL);

  gtk_label_set_label (heading, title);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), section);

  return text;
}

static void
disconnect_workbook (PwOrgModelCard *self)
{
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_clear_object (&self->map);
  g_clear_object (&self->workbook);
}

static void
pw_org_model_card_dispose (GObject *object)
{
  PwOrgModelCard *self = (PwOrgModelCard *)object;

  disconnect_workbook (self);

  G_OBJECT_CLASS (pw_org_model_card_parent_class)->dispose (object);
}

static void
pw_org_model_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PwOrgModelCard *self = PW_ORG_MODEL_CARD (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_int (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_org_model_card_class_init (PwOrgModelCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_org_model_card_dispose;
  object_class->get_property = pw_org_model_card_get_property;

  /**
   * PwOrgModelCard:model:
   *
   * The #PwOrgModel the card shows, as an int: what
   * pw_org_map_detect_model() finds on the workbook's map.
   */
  properties [PROP_MODEL] =
    g_param_spec_int ("model", NULL, NULL,
                      PW_ORG_MODEL_NONE, PW_ORG_MODEL_HOLISTIC, PW_ORG_MODEL_NONE,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pworgmodelcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pw_org_model_card_init (PwOrgModelCard *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *note = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon;
  GtkLabel *caption, *note_label;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "pw-org-model-card");

  /* Translators: above the name of the organizational model the map shows, "Hub and spoke" */
  caption = create_text (top, "caption-heading");
  gtk_label_set_label (caption, _("Organizational Model"));
  gtk_widget_add_css_class (GTK_WIDGET (caption), "pw-secondary");
  self->name_label = create_text (top, "title-3");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->name_label),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, caption, NULL,
                                  -1);
  self->description_label = create_text (top, NULL);
  gtk_box_append (GTK_BOX (card), top);

  /* Translators: whom an organizational model suits */
  self->fit_label = create_section (card, _("Fits"));
  /* Translators: what speaks for an organizational model */
  self->pros_label = create_section (card, _("Pros"));
  /* Translators: what speaks against an organizational model */
  self->cons_label = create_section (card, _("Cons"));
  /* Translators: what organizations with this model usually do next */
  self->next_step_label = create_section (card, _("Usual Next Step"));

  icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "pw-secondary");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (note), icon);
  note_label = create_text (note, "caption");
  gtk_widget_add_css_class (GTK_WIDGET (note_label), "pw-secondary");
  gtk_widget_set_hexpand (GTK_WIDGET (note_label), TRUE);
  gtk_label_set_label (note_label,
                       _("The form of the organization, not a maturity score: a company can be "
                         "fully mature with a single hub."));
  gtk_box_append (GTK_BOX (card), note);

  self->model = PW_ORG_MODEL_NONE;
  show_model (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organizational Model"),
                                  -1);
  adw_bin_set_child (ADW_BIN (self), card);
}

/**
 * pw_org_model_card_new:
 *
 * Returns: (transfer full): a new card, showing %PW_ORG_MODEL_NONE until it
 *   has a workbook
 */
GtkWidget *
pw_org_model_card_new (void)
{
  return g_object_new (PW_TYPE_ORG_MODEL_CARD, NULL);
}

/**
 * pw_org_model_card_set_workbook:
 * @workbook: (nullable): the workbook whose map the card describes
 */
void
pw_org_model_card_set_workbook (PwOrgModelCard *self,
                                PwWorkbook     *workbook)
{
  g_return_if_fail (PW_IS_ORG_MODEL_CARD (self));
  g_return_if_fail (workbook == NULL || PW_IS_WORKBOOK (workbook));

  if (workbook == self->workbook)
    return;

  disconnect_workbook (self);
  if (workbook != NULL)
    {
      self->workbook = g_object_ref (workbook);
      self->map = g_object_ref (pw_workbook_get_org_map (workbook));
      g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb), self,
                               G_CONNECT_DEFAULT);
    }
  update_model (self);
}

/**
 * pw_org_model_card_get_model:
 *
 * Returns: the model the card shows
 */
PwOrgModel
pw_org_model_card_get_model (PwOrgModelCard *self)
{
  g_return_val_if_fail (PW_IS_ORG_MODEL_CARD (self), PW_ORG_MODEL_NONE);

  return self->model;
}
