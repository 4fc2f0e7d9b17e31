/* pw-policy-item.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-policy-item"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pw-enums.h"
#include "pw-error.h"
#include "pw-json-util-private.h"
#include "pw-policy-private.h"
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
  char *reason;
  GPtrArray *changes;  /* PwPolicyChange, oldest first; replaced, never edited */
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
  PROP_REASON,
  PROP_CHANGES,
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
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
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

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_CHANGES:
      g_value_set_boxed (value, self->changes);
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

  /* Status, reason and changes change together: pw_policy_item_change_status() */
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PW_TYPE_POLICY_STATUS, PW_POLICY_MISSING,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_CHANGES] =
    g_param_spec_boxed ("changes", NULL, NULL,
                        G_TYPE_PTR_ARRAY,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

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
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_policy_change_free);
}

/* ------------------------------------------------------------------------
 * Changes
 */

G_DEFINE_BOXED_TYPE (PwPolicyChange, pw_policy_change, pw_policy_change_copy,
                     pw_policy_change_free)

/**
 * pw_policy_change_new:
 * @by: (nullable): who made the change
 * @reason: (nullable): why the item does not apply
 *
 * Returns: (transfer full): a change
 */
PwPolicyChange *
pw_policy_change_new (const char     *date,
                      PwPolicyStatus  status,
                      PwPolicyStatus  previous,
                      const char     *by,
                      const char     *reason)
{
  PwPolicyChange *change = g_new0 (PwPolicyChange, 1);

  change->date = g_strdup (date);
  change->status = status;
  change->previous = previous;
  change->by = by && *by ? g_strdup (by) : NULL;
  change->reason = reason && *reason ? g_strdup (reason) : NULL;

  return change;
}

PwPolicyChange *
pw_policy_change_copy (const PwPolicyChange *change)
{
  PwPolicyChange *copy = pw_policy_change_new (change->date, change->status, change->previous,
                                               change->by, change->reason);

  if (change->unknown != NULL)
    copy->unknown = json_object_ref (change->unknown);

  return copy;
}

void
pw_policy_change_free (PwPolicyChange *change)
{
  if (change == NULL)
    return;

  g_free (change->date);
  g_free (change->by);
  g_free (change->reason);
  g_clear_pointer (&change->unknown, json_object_unref);
  g_free (change);
}

/* NULL and "" are the same text */
static gboolean
text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}


/**
 * _pw_policy_item_set_status_state:
 * @reason: (nullable): why the item does not apply
 * @changes: (transfer none): the history, which the item keeps a reference to
 *
 * Sets the status, its reason and its history at once, as the loader and
 * undo do: whether they agree is the caller's concern.
 */
void
_pw_policy_item_set_status_state (PwPolicyItem   *self,
                                  PwPolicyStatus  status,
                                  const char     *reason,
                                  GPtrArray      *changes)
{
  g_return_if_fail (PW_IS_POLICY_ITEM (self));
  g_return_if_fail (changes != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
    }

  if (_pw_set_str_capped (&self->reason, pw_text_is_visible (reason) ? reason : NULL, PW_MAX_TEXT_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REASON]);

  if (self->changes != changes)
    {
      g_ptr_array_ref (changes);
      g_ptr_array_unref (self->changes);
      self->changes = changes;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANGES]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * pw_policy_item_change_status:
 * @status: the new status
 * @reason: (nullable): why the item does not apply, with
 *   %PW_POLICY_NOT_APPLICABLE; required for a core item
 * @date: the day of the change, YYYY-MM-DD
 * @by: (nullable): who makes it: the facilitator's name
 * @error: where to say why the change was refused
 *
 * Changes the status and records the change in the item's history.  A
 * second change on the same day by the same person replaces the first (and
 * one that sets the status back takes the day's change away), so that a
 * history keeps one step per day and person; beyond %PW_POLICY_MAX_CHANGES
 * the oldest change is let go.  A change dated before the last one recorded
 * is recorded on that one's day, so that the history stays in the order of
 * its dates; @reason and @by are kept as a file holds them (cut, @by on one
 * line).
 *
 * Returns: %TRUE unless the change was refused: a core item marked not
 *   applicable without a reason
 */
gboolean
pw_policy_item_change_status (PwPolicyItem    *self,
                              PwPolicyStatus   status,
                              const char      *reason,
                              const char      *date,
                              const char      *by,
                              GError         **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *kept_reason = NULL;
  g_autofree char *kept_by = NULL;
  g_autofree char *kept_date = NULL;
  PwPolicyChange *last = NULL;
  PwPolicyStatus previous = self->status;

  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), FALSE);
  g_return_val_if_fail (status <= PW_POLICY_NOT_APPLICABLE, FALSE);
  g_return_val_if_fail (pw_is_valid_date (date) && *date, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (status != PW_POLICY_NOT_APPLICABLE)
    reason = NULL;
  else if (self->core && !pw_text_is_visible (reason))
    {
      g_set_error (error, PW_ERROR, PW_ERROR_INVALID,
                   /* Translators: %s is a policy item */
                   _("“%s” is a core item: it can be marked not applicable only with a reason"),
                   self->title ? self->title : self->id);
      return FALSE;
    }

  /* The history keeps what the item keeps, and what a file can hold (the
   * reader's limits): an invisible reason is none, a long one is cut, the
   * name is one line. */
  if (pw_text_is_visible (reason))
    kept_reason = _pw_strdup_capped (reason, PW_MAX_TEXT_CHARS);
  reason = kept_reason;
  if (by != NULL && *by != '\0')
    kept_by = _pw_strdup_line_capped (by, PW_MAX_NAME_CHARS);
  by = kept_by;

  if (status == self->status && text_equal (reason, self->reason))
    return TRUE;

  changes = g_ptr_array_new_full (self->changes->len + 1,
                                  (GDestroyNotify) pw_policy_change_free);
  for (guint i = 0; i < self->changes->len; i++)
    g_ptr_array_add (changes, pw_policy_change_copy (g_ptr_array_index (self->changes, i)));

  if (changes->len > 0)
    last = g_ptr_array_index (changes, changes->len - 1);

  /* A history is in the order of its dates (the reader refuses one that is
   * not): a change dated before the last one recorded (a clock set back)
   * is recorded on that one's day. */
  if (last != NULL && strcmp (date, last->date) < 0)
    date = kept_date = g_strdup (last->date);

  if (last != NULL && g_str_equal (last->date, date)
      && text_equal (last->by, by))
    {
      previous = last->previous;
      g_ptr_array_remove_index (changes, changes->len - 1);
      last = changes->len > 0 ? g_ptr_array_index (changes, changes->len - 1) : NULL;
    }

  /* Set back to "not applicable" with the reason it had before the day's
   * change: no change either */
  if (status == PW_POLICY_NOT_APPLICABLE && previous == PW_POLICY_NOT_APPLICABLE
      && last != NULL && last->status == PW_POLICY_NOT_APPLICABLE
      && text_equal (last->reason, reason))
    ;
  else if (status != previous || status == PW_POLICY_NOT_APPLICABLE)
    g_ptr_array_add (changes, pw_policy_change_new (date, status, previous, by, reason));

  while (changes->len > PW_POLICY_MAX_CHANGES)
    g_ptr_array_remove_index (changes, 0);

  _pw_policy_item_set_status_state (self, status, reason, changes);

  return TRUE;
}

/* The last change on or before @date, or NULL: the changes are in the
 * order of their dates, so a binary search finds it. */
static PwPolicyChange *
find_change_on (PwPolicyItem *self,
                const char   *date)
{
  guint low = 0, high = self->changes->len;

  /* Invariant: changes before @low are on or before @date, those from
   * @high on are after it */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      PwPolicyChange *change = g_ptr_array_index (self->changes, middle);

      if (strcmp (change->date, date) <= 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low > 0 ? g_ptr_array_index (self->changes, low - 1) : NULL;
}

/**
 * pw_policy_item_get_status_on:
 * @date: (nullable): a day, YYYY-MM-DD; %NULL for now
 *
 * The status as it stood at the end of @date, from the item's history.
 * Before its first recorded change an item had the status that change
 * replaced; an item without a history always had its status.
 *
 * Returns: the status then
 */
PwPolicyStatus
pw_policy_item_get_status_on (PwPolicyItem *self,
                              const char   *date)
{
  PwPolicyChange *change;

  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), PW_POLICY_MISSING);

  if (date == NULL || *date == '\0' || self->changes->len == 0)
    return self->status;

  change = find_change_on (self, date);
  if (change != NULL)
    return change->status;

  return ((PwPolicyChange *) g_ptr_array_index (self->changes, 0))->previous;
}

/**
 * pw_policy_item_get_reason_on:
 * @date: (nullable): a day, YYYY-MM-DD; %NULL for now
 *
 * Returns: (nullable): why the item did not apply on @date, when it did
 *   not and a reason is known
 */
const char *
pw_policy_item_get_reason_on (PwPolicyItem *self,
                              const char   *date)
{
  PwPolicyChange *change;

  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  if (date == NULL || *date == '\0' || self->changes->len == 0)
    return self->status == PW_POLICY_NOT_APPLICABLE ? self->reason : NULL;

  change = find_change_on (self, date);
  if (change != NULL)
    return change->status == PW_POLICY_NOT_APPLICABLE ? change->reason : NULL;

  return NULL;
}

/**
 * pw_policy_item_get_reason:
 *
 * Returns: (nullable): why the item does not apply
 */
const char *
pw_policy_item_get_reason (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->reason;
}

/**
 * pw_policy_item_get_changes:
 *
 * Returns: (transfer none) (element-type PwPolicyChange): the history of
 *   the status, oldest first; never edited, replaced on a change
 */
GPtrArray *
pw_policy_item_get_changes (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), NULL);

  return self->changes;
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
 * pw_policy_item_is_satisfied_on:
 * @date: (nullable): a day, YYYY-MM-DD; %NULL for now
 *
 * Returns: %TRUE when the item was in place or did not apply on @date
 */
gboolean
pw_policy_item_is_satisfied_on (PwPolicyItem *self,
                                const char   *date)
{
  PwPolicyStatus status = pw_policy_item_get_status_on (self, date);

  return status == PW_POLICY_IN_PLACE || status == PW_POLICY_NOT_APPLICABLE;
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
         || self->changes->len > 0
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

/**
 * pw_policy_item_set_core:
 * @core: whether the item must be in place for phase 4 of governance
 *
 * Makes the item core or not.  An item marked not applicable without a
 * reason stays as it is: a core item needs one.
 *
 * Returns: %TRUE unless refused
 */
gboolean
pw_policy_item_set_core (PwPolicyItem *self,
                         gboolean      core)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), FALSE);
  core = !!core;

  if (self->core == core)
    return TRUE;

  if (core && self->status == PW_POLICY_NOT_APPLICABLE && !pw_text_is_visible (self->reason))
    return FALSE;

  self->core = core;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CORE]);

  return TRUE;
}

PwPolicyStatus
pw_policy_item_get_status (PwPolicyItem *self)
{
  g_return_val_if_fail (PW_IS_POLICY_ITEM (self), 0);

  return self->status;
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


/**
 * pw_policy_status_to_text:
 *
 * Returns: a policy item's status as running text says it ("In place"),
 *   translated: in the exports and the report
 */
const char *
pw_policy_status_to_text (PwPolicyStatus status)
{
  switch (status)
    {
    case PW_POLICY_DRAFTING:
      /* Translators: a policy item's status in the CSV export and the report */
      return _("Drafting");
    case PW_POLICY_IN_PLACE:
      /* Translators: a policy item's status in the CSV export and the report */
      return _("In place");
    case PW_POLICY_NOT_APPLICABLE:
      /* Translators: a policy item's status in the CSV export and the report */
      return _("Not applicable");
    case PW_POLICY_MISSING:
    default:
      /* Translators: a policy item's status in the CSV export and the report */
      return _("Missing");
    }
}
