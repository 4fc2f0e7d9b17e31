/* pw-policy.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-policy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-policy-private.h"
#include "pw-utils-private.h"
#include "pw-validate.h"

/* ------------------------------------------------------------------------
 * Custom categories
 */

/**
 * PwCustomCategory:
 *
 * A category of the checklist that the organization added.
 */
struct _PwCustomCategory
{
  GObject  parent_instance;

  char    *id;
  char    *name;
};

G_DEFINE_FINAL_TYPE (PwCustomCategory, pw_custom_category, G_TYPE_OBJECT)

enum {
  CATEGORY_PROP_0,
  CATEGORY_PROP_ID,
  CATEGORY_PROP_NAME,
  CATEGORY_N_PROPS
};

static GParamSpec *category_properties [CATEGORY_N_PROPS];

static void
pw_custom_category_finalize (GObject *object)
{
  PwCustomCategory *self = (PwCustomCategory *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (pw_custom_category_parent_class)->finalize (object);
}

static void
pw_custom_category_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PwCustomCategory *self = PW_CUSTOM_CATEGORY (object);

  switch (prop_id)
    {
    case CATEGORY_PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case CATEGORY_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_custom_category_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PwCustomCategory *self = PW_CUSTOM_CATEGORY (object);

  switch (prop_id)
    {
    case CATEGORY_PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case CATEGORY_PROP_NAME:
      pw_custom_category_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_custom_category_class_init (PwCustomCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_custom_category_finalize;
  object_class->get_property = pw_custom_category_get_property;
  object_class->set_property = pw_custom_category_set_property;

  category_properties [CATEGORY_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  category_properties [CATEGORY_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, CATEGORY_N_PROPS, category_properties);
}

static void
pw_custom_category_init (PwCustomCategory *self)
{
}

PwCustomCategory *
pw_custom_category_new (const char *id,
                        const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PW_TYPE_CUSTOM_CATEGORY, "id", id, "name", name, NULL);
}

const char *
pw_custom_category_get_id (PwCustomCategory *self)
{
  g_return_val_if_fail (PW_IS_CUSTOM_CATEGORY (self), NULL);

  return self->id;
}

const char *
pw_custom_category_get_name (PwCustomCategory *self)
{
  g_return_val_if_fail (PW_IS_CUSTOM_CATEGORY (self), NULL);

  return self->name;
}

/**
 * pw_custom_category_set_name:
 * @name: (nullable): the name
 *
 * Sets the name, cut to %PW_MAX_NAME_CHARS characters on one line.
 */
void
pw_custom_category_set_name (PwCustomCategory *self,
                             const char       *name)
{
  g_return_if_fail (PW_IS_CUSTOM_CATEGORY (self));

  if (_pw_set_line_capped (&self->name, name, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), category_properties [CATEGORY_PROP_NAME]);
}

/* ------------------------------------------------------------------------
 * The checklist
 */

/**
 * PwPolicy:
 *
 * The state of the social media policy checklist: one #PwPolicyItem for
 * every item of the framework's checklist, in the framework's order,
 * followed by the organization's custom items (in a category of the
 * framework or in one of its own custom categories), in their order.
 *
 * Each item keeps the history of its status, so that the checklist can be
 * read as it stood on any day since pw_policy_get_history_since().
 */
struct _PwPolicy
{
  GObject      parent_instance;

  PwFramework *framework;
  GListStore  *items;
  GPtrArray   *item_mirror;  /* the items as last seen, to disconnect from */
  GHashTable  *item_by_id;   /* id → PwPolicyItem, borrowed from @items */
  GListStore  *categories;   /* PwCustomCategory */
  char        *history_since;
};

G_DEFINE_FINAL_TYPE (PwPolicy, pw_policy, G_TYPE_OBJECT)

enum {
  CHANGED,
  BEGIN_EDIT,
  END_EDIT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void item_notify_cb (PwPolicy     *self,
                            GParamSpec   *pspec,
                            PwPolicyItem *item);

static void
pw_policy_dispose (GObject *object)
{
  PwPolicy *self = (PwPolicy *)object;

  if (self->item_mirror != NULL)
    for (guint i = 0; i < self->item_mirror->len; i++)
      g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->item_mirror, i),
                                            item_notify_cb, self);
  g_clear_pointer (&self->item_mirror, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_policy_parent_class)->dispose (object);
}

static void
pw_policy_finalize (GObject *object)
{
  PwPolicy *self = (PwPolicy *)object;

  g_clear_pointer (&self->item_by_id, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->categories);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->history_since, g_free);

  G_OBJECT_CLASS (pw_policy_parent_class)->finalize (object);
}

static void
pw_policy_class_init (PwPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_policy_dispose;
  object_class->finalize = pw_policy_finalize;

  /**
   * PwPolicy::changed:
   *
   * Emitted after an item or a custom category was added, removed, moved
   * or edited.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * PwPolicy::begin-edit:
   * @label: (nullable): what the edit does, for undo
   *
   * Emitted before an edit made of several changes (an item moved, a
   * category removed with its items); the workbook makes it one edit.
   */
  signals [BEGIN_EDIT] =
    g_signal_new ("begin-edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PwPolicy::end-edit:
   *
   * Emitted after the changes of the edit that #PwPolicy::begin-edit began.
   */
  signals [END_EDIT] =
    g_signal_new ("end-edit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
emit_changed (PwPolicy *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
item_notify_cb (PwPolicy     *self,
                GParamSpec   *pspec,
                PwPolicyItem *item)
{
  emit_changed (self);
}

/* Whoever changes the store (this object, or undo), the index and the
 * signal handlers follow. */
static void
items_changed_cb (PwPolicy   *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  for (guint i = 0; i < removed; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (self->item_mirror, position + i);

      g_signal_handlers_disconnect_by_func (item, item_notify_cb, self);
      g_hash_table_remove (self->item_by_id, pw_policy_item_get_id (item));
    }
  g_ptr_array_remove_range (self->item_mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (model, position + i);

      g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_hash_table_insert (self->item_by_id, (gpointer) pw_policy_item_get_id (item), item);
      g_ptr_array_insert (self->item_mirror, (int) (position + i), g_object_ref (item));
    }

  emit_changed (self);
}

static void
pw_policy_init (PwPolicy *self)
{
  self->items = g_list_store_new (PW_TYPE_POLICY_ITEM);
  self->item_mirror = g_ptr_array_new_with_free_func (g_object_unref);
  self->item_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->categories = g_list_store_new (PW_TYPE_CUSTOM_CATEGORY);

  g_signal_connect_object (self->items, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->categories, "items-changed", G_CALLBACK (emit_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
category_notify_cb (PwPolicy         *self,
                    GParamSpec       *pspec,
                    PwCustomCategory *category)
{
  emit_changed (self);
}

/**
 * pw_policy_new:
 *
 * Returns: (transfer full): a checklist with every item of @framework
 *   missing, whose history is known from today
 */
PwPolicy *
pw_policy_new (PwFramework *framework)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  PwPolicy *self;

  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (PW_TYPE_POLICY, NULL);
  self->framework = g_object_ref (framework);
  self->history_since = g_date_time_format (now, "%Y-%m-%d");

  for (guint i = 0; i < pw_framework_get_n_policy_categories (framework); i++)
    {
      const PwPolicyCategory *category = pw_framework_get_policy_category (framework, i);

      for (guint j = 0; j < category->items->len; j++)
        {
          const PwPolicyItemDef *def = g_ptr_array_index (category->items, j);
          g_autoptr(PwPolicyItem) item = pw_policy_item_new (def->id, FALSE);

          pw_policy_item_set_category (item, category->id);
          pw_policy_item_set_title (item, def->title);
          pw_policy_item_set_description (item, def->description);
          pw_policy_item_set_core (item, def->core);
          g_list_store_append (self->items, item);
        }
    }

  return self;
}

/**
 * pw_policy_get_framework:
 *
 * Returns: (transfer none): the framework whose checklist this is
 */
PwFramework *
pw_policy_get_framework (PwPolicy *self)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  return self->framework;
}

/**
 * pw_policy_get_history_since:
 *
 * Returns: the day from which the history of the checklist is known,
 *   YYYY-MM-DD: before it, every item is taken to have had the status it
 *   had that day
 */
const char *
pw_policy_get_history_since (PwPolicy *self)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  return self->history_since;
}

void
pw_policy_set_history_since (PwPolicy   *self,
                             const char *date)
{
  g_return_if_fail (PW_IS_POLICY (self));
  g_return_if_fail (date != NULL && *date && pw_is_valid_date (date));

  _pw_set_str (&self->history_since, date);
}

/**
 * pw_policy_get_items:
 *
 * Returns: (transfer none): a #GListModel of #PwPolicyItem
 */
GListModel *
pw_policy_get_items (PwPolicy *self)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * pw_policy_get_ordered_items:
 *
 * Returns: (transfer container) (element-type PwPolicyItem): the items in
 *   the order they are shown: by category (pw_policy_list_categories()),
 *   and in each category in the order of the list
 */
GPtrArray *
pw_policy_get_ordered_items (PwPolicy *self)
{
  g_auto(GStrv) categories = NULL;
  GPtrArray *ordered;
  guint n;

  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  categories = pw_policy_list_categories (self);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  ordered = g_ptr_array_new_full (n, g_object_unref);

  for (guint c = 0; categories[c] != NULL; c++)
    for (guint i = 0; i < n; i++)
      {
        PwPolicyItem *item = g_ptr_array_index (self->item_mirror, i);

        if (g_strcmp0 (pw_policy_item_get_category (item), categories[c]) == 0)
          g_ptr_array_add (ordered, g_object_ref (item));
      }

  /* Items of no known category come last, rather than not at all */
  for (guint i = 0; i < n; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (self->item_mirror, i);

      if (!pw_policy_has_category (self, pw_policy_item_get_category (item)))
        g_ptr_array_add (ordered, g_object_ref (item));
    }

  return ordered;
}

/**
 * pw_policy_find_item:
 *
 * Returns: (transfer none) (nullable): the item with @id
 */
PwPolicyItem *
pw_policy_find_item (PwPolicy   *self,
                     const char *id)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  return id ? g_hash_table_lookup (self->item_by_id, id) : NULL;
}

void
pw_policy_add_custom_item (PwPolicy     *self,
                           PwPolicyItem *item)
{
  g_return_if_fail (PW_IS_POLICY (self));
  g_return_if_fail (PW_IS_POLICY_ITEM (item));
  g_return_if_fail (pw_policy_item_get_custom (item));
  g_return_if_fail (pw_policy_find_item (self, pw_policy_item_get_id (item)) == NULL);

  {
    /* Translators: what undo takes back: a custom policy item added; %s is its title */
    g_autofree char *label = g_strdup_printf (_("Add “%s”"), pw_policy_item_get_title (item));

    g_signal_emit (self, signals [BEGIN_EDIT], 0, label);
    g_list_store_append (self->items, item);
    g_signal_emit (self, signals [END_EDIT], 0);
  }
}

void
pw_policy_remove_custom_item (PwPolicy     *self,
                              PwPolicyItem *item)
{
  guint position;

  g_return_if_fail (PW_IS_POLICY (self));
  g_return_if_fail (PW_IS_POLICY_ITEM (item));
  g_return_if_fail (pw_policy_item_get_custom (item));

  if (!g_list_store_find (self->items, item, &position))
    return;

  {
    /* Translators: what undo takes back: a custom policy item removed; %s is its title */
    g_autofree char *label = g_strdup_printf (_("Remove “%s”"), pw_policy_item_get_title (item));

    g_signal_emit (self, signals [BEGIN_EDIT], 0, label);
    g_list_store_remove (self->items, position);
    g_signal_emit (self, signals [END_EDIT], 0);
  }
}

/**
 * pw_policy_move_custom_item:
 * @item: a custom item
 * @before: (nullable): the custom item to move @item in front of; %NULL
 *   moves it to the end
 *
 * Moves a custom item among the custom items, as one edit.  Items are
 * shown by category: moving an item changes its order among those of its
 * category (its category is set on its own).
 */
void
pw_policy_move_custom_item (PwPolicy     *self,
                            PwPolicyItem *item,
                            PwPolicyItem *before)
{
  g_autoptr(PwPolicyItem) hold = NULL;
  guint from, to;

  g_return_if_fail (PW_IS_POLICY (self));
  g_return_if_fail (PW_IS_POLICY_ITEM (item));
  g_return_if_fail (before == NULL || PW_IS_POLICY_ITEM (before));
  g_return_if_fail (pw_policy_item_get_custom (item));
  g_return_if_fail (before == NULL || pw_policy_item_get_custom (before));

  if (item == before || !g_list_store_find (self->items, item, &from))
    return;

  if (before == NULL)
    to = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  else if (!g_list_store_find (self->items, before, &to))
    return;

  /* Already there */
  if (to == from + 1)
    return;

  hold = g_object_ref (item);
  {
    /* Translators: what undo takes back: a custom policy item moved; %s is its title */
    g_autofree char *label = g_strdup_printf (_("Move “%s”"), pw_policy_item_get_title (item));

    g_signal_emit (self, signals [BEGIN_EDIT], 0, label);
  }
  g_list_store_remove (self->items, from);
  if (to > from)
    to--;
  g_list_store_insert (self->items, to, hold);
  g_signal_emit (self, signals [END_EDIT], 0);
}

/**
 * pw_policy_new_custom_id:
 *
 * Returns: (transfer full): an id no item of the checklist has yet
 */
char *
pw_policy_new_custom_id (PwPolicy *self)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  for (guint i = 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("custom-%u", i);

      if (pw_policy_find_item (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/**
 * pw_policy_get_custom_categories:
 *
 * Returns: (transfer none): a #GListModel of #PwCustomCategory, in order
 */
GListModel *
pw_policy_get_custom_categories (PwPolicy *self)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  return G_LIST_MODEL (self->categories);
}

/**
 * pw_policy_find_custom_category:
 *
 * Returns: (transfer none) (nullable): the custom category with @id
 */
PwCustomCategory *
pw_policy_find_custom_category (PwPolicy   *self,
                                const char *id)
{
  guint n;

  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  if (id == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwCustomCategory) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      if (g_strcmp0 (pw_custom_category_get_id (category), id) == 0)
        return category;
    }

  return NULL;
}

void
pw_policy_add_custom_category (PwPolicy         *self,
                               PwCustomCategory *category)
{
  g_return_if_fail (PW_IS_POLICY (self));
  g_return_if_fail (PW_IS_CUSTOM_CATEGORY (category));
  g_return_if_fail (!pw_policy_has_category (self, pw_custom_category_get_id (category)));

  g_signal_connect_object (category, "notify", G_CALLBACK (category_notify_cb), self,
                           G_CONNECT_SWAPPED);
  {
    /* Translators: what undo takes back: a custom policy category added; %s is its name */
    g_autofree char *label = g_strdup_printf (_("Add “%s”"), pw_custom_category_get_name (category));

    g_signal_emit (self, signals [BEGIN_EDIT], 0, label);
    g_list_store_append (self->categories, category);
    g_signal_emit (self, signals [END_EDIT], 0);
  }
}

/**
 * pw_policy_remove_custom_category:
 *
 * Removes a custom category and its items, as one edit.
 */
void
pw_policy_remove_custom_category (PwPolicy         *self,
                                  PwCustomCategory *category)
{
  g_autofree char *label = NULL;
  guint position;

  g_return_if_fail (PW_IS_POLICY (self));
  g_return_if_fail (PW_IS_CUSTOM_CATEGORY (category));

  if (!g_list_store_find (self->categories, category, &position))
    return;

  /* Translators: what undo takes back: a custom policy category removed; %s is its name */
  label = g_strdup_printf (_("Remove “%s”"), pw_custom_category_get_name (category));
  g_signal_emit (self, signals [BEGIN_EDIT], 0, label);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->items)); i > 0; i--)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i - 1);

      if (g_strcmp0 (pw_policy_item_get_category (item), pw_custom_category_get_id (category)) == 0)
        g_list_store_remove (self->items, i - 1);
    }
  g_list_store_remove (self->categories, position);

  g_signal_emit (self, signals [END_EDIT], 0);
}

/**
 * pw_policy_move_custom_category:
 * @position: where to, among the custom categories
 *
 * Moves a custom category, as one edit.
 */
void
pw_policy_move_custom_category (PwPolicy         *self,
                                PwCustomCategory *category,
                                guint             position)
{
  g_autoptr(PwCustomCategory) hold = NULL;
  g_autofree char *label = NULL;
  guint from;

  g_return_if_fail (PW_IS_POLICY (self));
  g_return_if_fail (PW_IS_CUSTOM_CATEGORY (category));

  if (!g_list_store_find (self->categories, category, &from))
    return;

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->categories)) - 1);
  if (position == from)
    return;

  hold = g_object_ref (category);
  /* Translators: what undo takes back: a custom policy category moved; %s is its name */
  label = g_strdup_printf (_("Move “%s”"), pw_custom_category_get_name (category));
  g_signal_emit (self, signals [BEGIN_EDIT], 0, label);
  g_list_store_remove (self->categories, from);
  g_list_store_insert (self->categories, position, hold);
  g_signal_emit (self, signals [END_EDIT], 0);
}

/**
 * pw_policy_new_custom_category_id:
 *
 * Returns: (transfer full): an id no category of the checklist has yet
 */
char *
pw_policy_new_custom_category_id (PwPolicy *self)
{
  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  for (guint i = 1;; i++)
    {
      g_autofree char *id = g_strdup_printf ("custom-category-%u", i);

      if (!pw_policy_has_category (self, id))
        return g_steal_pointer (&id);
    }
}

/**
 * pw_policy_has_category:
 *
 * Returns: whether @category_id is a category of the framework or a
 *   custom one
 */
gboolean
pw_policy_has_category (PwPolicy   *self,
                        const char *category_id)
{
  g_return_val_if_fail (PW_IS_POLICY (self), FALSE);

  return pw_policy_get_category_name (self, category_id) != NULL;
}

/**
 * pw_policy_get_category_name:
 *
 * Returns: (nullable): the name of the category, framework or custom
 */
const char *
pw_policy_get_category_name (PwPolicy   *self,
                             const char *category_id)
{
  const PwPolicyCategory *category;
  PwCustomCategory *custom;

  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  if (category_id == NULL)
    return NULL;

  category = pw_framework_find_policy_category (self->framework, category_id);
  if (category != NULL)
    return category->name;

  custom = pw_policy_find_custom_category (self, category_id);
  if (custom != NULL)
    return pw_custom_category_get_name (custom) ? pw_custom_category_get_name (custom) : "";

  return NULL;
}

/**
 * pw_policy_get_item_evidence:
 * @item: an item of the checklist
 *
 * What proves that @item is in place, as the framework says: the document
 * or record to look at.
 *
 * Returns: (nullable): the framework's evidence of @item; %NULL for a
 *   custom item and for an item of a framework without evidence (format 1)
 */
const char *
pw_policy_get_item_evidence (PwPolicy     *self,
                             PwPolicyItem *item)
{
  const PwPolicyItemDef *def;

  g_return_val_if_fail (PW_IS_POLICY (self), NULL);
  g_return_val_if_fail (PW_IS_POLICY_ITEM (item), NULL);

  if (pw_policy_item_get_custom (item))
    return NULL;

  def = pw_framework_find_policy_item (self->framework, pw_policy_item_get_id (item));
  if (def == NULL || def->evidence == NULL || *def->evidence == '\0')
    return NULL;

  return def->evidence;
}

/**
 * pw_policy_list_categories:
 *
 * Returns: (transfer full): the ids of the categories in the order they
 *   are shown: the framework's, then the custom ones
 */
GStrv
pw_policy_list_categories (PwPolicy *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  for (guint i = 0; i < pw_framework_get_n_policy_categories (self->framework); i++)
    g_strv_builder_add (builder, pw_framework_get_policy_category (self->framework, i)->id);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwCustomCategory) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      g_strv_builder_add (builder, pw_custom_category_get_id (category));
    }

  return g_strv_builder_end (builder);
}

/**
 * pw_policy_get_missing_core:
 * @date: (nullable): a day, YYYY-MM-DD; %NULL for now
 *
 * Returns: (transfer container) (element-type PwPolicyItem): the core
 *   items that were neither in place nor marked as not applicable on @date
 */
GPtrArray *
pw_policy_get_missing_core (PwPolicy   *self,
                            const char *date)
{
  GPtrArray *missing;
  guint n;

  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  missing = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (self->item_mirror, i);

      if (pw_policy_item_get_core (item) && !pw_policy_item_is_satisfied_on (item, date))
        g_ptr_array_add (missing, g_object_ref (item));
    }

  return missing;
}

/**
 * pw_policy_get_waived_core:
 * @date: (nullable): a day, YYYY-MM-DD; %NULL for now
 *
 * Returns: (transfer container) (element-type PwPolicyItem): the core
 *   items marked as not applicable on @date
 */
GPtrArray *
pw_policy_get_waived_core (PwPolicy   *self,
                           const char *date)
{
  GPtrArray *waived;
  guint n;

  g_return_val_if_fail (PW_IS_POLICY (self), NULL);

  waived = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (self->item_mirror, i);

      if (pw_policy_item_get_core (item)
          && pw_policy_item_get_status_on (item, date) == PW_POLICY_NOT_APPLICABLE)
        g_ptr_array_add (waived, g_object_ref (item));
    }

  return waived;
}

/**
 * pw_policy_count:
 * @category_id: (nullable): a category, or %NULL for all items
 * @date: (nullable): a day, YYYY-MM-DD; %NULL for now
 *
 * Counts the items (not applicable ones left out) and those in place, as
 * they stood on @date.
 */
void
pw_policy_count (PwPolicy   *self,
                 const char *category_id,
                 const char *date,
                 guint      *n_satisfied,
                 guint      *n_items)
{
  guint n, done = 0, total = 0;

  g_return_if_fail (PW_IS_POLICY (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      PwPolicyItem *item = g_ptr_array_index (self->item_mirror, i);
      PwPolicyStatus status;

      if (category_id != NULL && g_strcmp0 (pw_policy_item_get_category (item), category_id) != 0)
        continue;
      status = pw_policy_item_get_status_on (item, date);
      if (status == PW_POLICY_NOT_APPLICABLE)
        continue;

      total++;
      if (status == PW_POLICY_IN_PLACE)
        done++;
    }

  if (n_satisfied != NULL)
    *n_satisfied = done;
  if (n_items != NULL)
    *n_items = total;
}
