/* pw-policy-item.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-policy-item"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-enums.h"
#include "pw-json-util-private.h"
#include "pw-policy-item.h"
#include "pw-utils-private.h"
#include "pw-validate.h"

/**
 * PwPolicyItem:
 *
 * The state of one item of the policy checklist.  Built-in items take their
 * category, title, description and core flag from the framework; custom
 * items carry their own.
 */
struct _PwPolicyItem
{
  GObject parent_instance;

  char *id;
  gboolean custom;
  char *category;
  char *title;
  char *description;
  gboolean core;
  PwPolicyStatus status;
  char *owner;
  char *review_date;
  char *note;
  char *link;
};

G_DEFINE_FINAL_TYPE (PwPolicyItem, pw_policy_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOM,
  PROP_CATEGORY,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CORE,
  PROP_STATUS,
  PROP_OWNER,
  PROP_REVIEW_DATE,
  PROP_NOTE,
  PROP_LINK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_policy_item_finalize (GObject *object)
{
  PwPolicyItem *self = (PwPolicyItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->review_date, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->link, g_free);

  G_OBJECT_CLASS (pw_policy_item_parent_class)->finalize (object);
}

static void
pw_policy_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PwPolicyItem *self = PW_POLICY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CUSTOM:
      g_value_set_boolean (value, self->custom);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_CORE:
      g_value_set_boolean (value, self->core);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_REVIEW_DATE:
      g_value_set_string (value, self->review_date);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_policy_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PwPolicyItem *self = PW_POLICY_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_string (value) ? g_value_dup_string (value) : NULL;
      break;

    case PROP_CUSTOM:
      self->custom = g_value_get_boolean (value);
      break;

    case PROP_CATEGORY:
      pw_policy_item_set_category (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      pw_policy_item_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      pw_policy_item_set_description (self, g_value_get_string (value));
      break;

    case PROP_CORE:
      pw_policy_item_set_core (self, g_value_get_boolean (value));
      break;

    case PROP_STATUS:
      pw_policy_item_set_status (self, g_value_get_enum (value));
      break;

    case PROP_OWNER:
      pw_policy_item_set_owner (self, g_value_get_string (value));
      break;

    case PROP_REVIEW_DATE:
      pw_policy_item_set_review_date (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      pw_policy_item_set_note (self, g_value_get_string (value));
      break;

    case PROP_LINK:
      pw_policy_item_set_link (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_policy_item_class_init (PwPolicyItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_policy_item_finalize;
  object_class->get_property = pw_policy_item_get_property;
  object_class->set_property = pw_policy_item_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  properties [PROP_CUSTOM] =
    g_param_spec_boolean ("custom", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  properties [PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_CORE] =
    g_param_spec_boolean ("core", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PW_TYPE_POLICY_STATUS, PW_POLICY_MISSING,
                       (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_REVIEW_DATE] =
    g_param_spec_string ("review-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_LINK] =
    g_param_spec_string ("link", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_policy_item_init (PwPolicyItem *self)
{
}

PwPolicyItem *
pw_policy_item_new (const char *id,
                    gboolean    custom)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PW_TYPE_POLICY_ITEM, "id", id, "custom", custom, NULL);
}

/**
 * pw_policy_item_is_satisfied:
 *
 * Returns: %TRUE when the item is in place or does not apply
 */
gboolean
pw_policy_item_is_satisfied (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), FALSE);

  return self->status == PW_POLICY_IN_PLACE || self->status == PW_POLICY_NOT_APPLICABLE;
}

/**
 * pw_policy_item_has_state:
 *
 * Returns: %TRUE when anything differs from a fresh, missing item
 */
gboolean
pw_policy_item_has_state (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), FALSE);

  return self->status != PW_POLICY_MISSING
         || (self->owner && *self->owner)
         || (self->review_date && *self->review_date)
         || (self->note && *self->note)
         || (self->link && *self->link)
         || _pw_json_get_unknown (self) != NULL;
}

/**
 * pw_policy_item_is_overdue:
 * @today: the date to compare with
 *
 * Returns: %TRUE when the item has a review date before @today
 */
gboolean
pw_policy_item_is_overdue (PwPolicyItem *self,
                           GDate        *today)
{
  GDate review;

  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), FALSE);

  if (self->review_date == NULL || !pw_is_valid_date (self->review_date))
    return FALSE;

  g_date_clear (&review, 1);
  g_date_set_parse (&review, self->review_date);
  if (!g_date_valid (&review))
    return FALSE;

  return g_date_compare (&review, today) < 0;
}

const char *
pw_policy_item_get_id (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->id;
}

gboolean
pw_policy_item_get_custom (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), FALSE);

  return self->custom;
}

const char *
pw_policy_item_get_category (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->category;
}

void
pw_policy_item_set_category (PwPolicyItem *self,
                             const char   *category)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));

  if (_pw_set_str (&self->category, category))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATEGORY]);
}

const char *
pw_policy_item_get_title (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->title;
}

/**
 * pw_policy_item_set_title:
 * @title: (nullable): the title of a custom item
 *
 * Sets the title, cut to %PW_MAX_NAME_CHARS characters: a workbook file holds no
 * longer one.
 */
void
pw_policy_item_set_title (PwPolicyItem *self,
                          const char   *title)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));

  if (_pw_set_line_capped (&self->title, title, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
pw_policy_item_get_description (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->description;
}

/**
 * pw_policy_item_set_description:
 * @description: (nullable): what a custom item asks for
 *
 * Sets the description, cut to %PW_MAX_TEXT_CHARS characters: a workbook file holds no
 * longer one.
 */
void
pw_policy_item_set_description (PwPolicyItem *self,
                                const char   *description)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));

  if (_pw_set_str_capped (&self->description, description, PW_MAX_TEXT_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

gboolean
pw_policy_item_get_core (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), FALSE);

  return self->core;
}

void
pw_policy_item_set_core (PwPolicyItem *self,
                         gboolean      core)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));
  core = !!core;

  if (self->core == core)
    return;

  self->core = core;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CORE]);
}

PwPolicyStatus
pw_policy_item_get_status (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), 0);

  return self->status;
}

void
pw_policy_item_set_status (PwPolicyItem   *self,
                           PwPolicyStatus  status)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
pw_policy_item_get_owner (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->owner;
}

/**
 * pw_policy_item_set_owner:
 * @owner: (nullable): who owns the policy
 *
 * Sets the owner, cut to %PW_MAX_NAME_CHARS characters: a workbook file holds no
 * longer one.
 */
void
pw_policy_item_set_owner (PwPolicyItem *self,
                          const char   *owner)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));

  if (_pw_set_line_capped (&self->owner, owner, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OWNER]);
}

const char *
pw_policy_item_get_review_date (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->review_date;
}

void
pw_policy_item_set_review_date (PwPolicyItem *self,
                                const char   *review_date)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));

  if (_pw_set_str (&self->review_date, review_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVIEW_DATE]);
}

const char *
pw_policy_item_get_note (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->note;
}

/**
 * pw_policy_item_set_note:
 * @note: (nullable): a note on the item
 *
 * Sets the note, cut to %PW_MAX_TEXT_CHARS characters: a workbook file holds no
 * longer one.
 */
void
pw_policy_item_set_note (PwPolicyItem *self,
                         const char   *note)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));

  if (_pw_set_str_capped (&self->note, note, PW_MAX_TEXT_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}

const char *
pw_policy_item_get_link (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->link;
}

/**
 * pw_policy_item_set_link:
 * @link: (nullable): where the policy is
 *
 * Sets the link, cut to 4 × %PW_MAX_NAME_CHARS characters: a workbook file holds no
 * longer one.
 */
void
pw_policy_item_set_link (PwPolicyItem *self,
                         const char   *link)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));

  if (_pw_set_line_capped (&self->link, link, PW_MAX_NAME_CHARS * 4))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINK]);
}

