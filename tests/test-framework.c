/* test-framework.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include <phasewise-core.h>

#include "pw-test-core.h"

/*
 * The bundled framework as an instrument: the rules its questions, options,
 * next steps and policy items are written to, checked on the file itself.
 * Each is a promise docs/framework-format.md or docs/scoring.md makes.
 */

#define MAX_OPTION_CHARS      200
#define MIN_OPTION_CHARS      40
#define MAX_OPTION_RATIO      2.5   /* longest option of a question to its shortest */
#define MAX_OPTION_SIMILARITY 0.6   /* shared words of two options, of all their words */

static PwFramework *
load_framework (const char *name)
{
  g_autofree char *path = pw_test_source_path ("data", "frameworks", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PwFramework *framework = pw_framework_new_from_file (file, &error);

  g_assert_no_error (error);
  return framework;
}

static JsonObject *
snapshot_root (PwFramework *framework)
{
  return json_node_get_object (pw_framework_get_snapshot (framework));
}

/* The question objects of the file, untranslated, in order */
static GPtrArray *
raw_questions (PwFramework *framework)
{
  GPtrArray *questions = g_ptr_array_new ();
  JsonArray *dimensions = json_object_get_array_member (snapshot_root (framework), "dimensions");

  for (guint d = 0; d < json_array_get_length (dimensions); d++)
    {
      JsonArray *array = json_object_get_array_member (
        json_array_get_object_element (dimensions, d), "questions");

      for (guint q = 0; q < json_array_get_length (array); q++)
        g_ptr_array_add (questions, json_array_get_object_element (array, q));
    }

  return questions;
}

static void
test_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_cmpstr (pw_framework_get_id (framework), ==, "lostinsm");
  g_assert_cmpstr (pw_framework_get_version (framework), ==, "2.0.0");
  g_assert_cmpint (pw_framework_get_format_version (framework), ==, 2);
  g_assert_cmpint (pw_framework_get_phase_rule (framework), ==, PW_PHASE_RULE_NEAREST);
  g_assert_cmpuint (pw_framework_get_n_dimensions (framework), ==, 11);

  /* The earlier version keeps the whole part */
  {
    g_autoptr(PwFramework) old = load_framework ("lostinsm-1.0.0.json");

    g_assert_cmpstr (pw_framework_get_version (old), ==, "1.0.0");
    g_assert_cmpint (pw_framework_get_phase_rule (old), ==, PW_PHASE_RULE_WHOLE_PART);
  }
}

static GHashTable *
word_set (const char *text)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *word = g_string_new (NULL);

  for (const char *p = lower; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalpha (c))
        g_string_append_unichar (word, c);
      else
        {
          if (g_utf8_strlen (word->str, -1) >= 4)
            g_hash_table_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);

  return words;
}

static double
similarity (const char *a,
            const char *b)
{
  g_autoptr(GHashTable) x = word_set (a);
  g_autoptr(GHashTable) y = word_set (b);
  GHashTableIter iter;
  gpointer key;
  guint shared = 0, all;

  g_hash_table_iter_init (&iter, x);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (y, key))
      shared++;

  all = g_hash_table_size (x) + g_hash_table_size (y) - shared;
  return all == 0 ? 0 : (double) shared / all;
}

/* Every question: 4–6 a dimension, 5 distinct options of similar length
 * under the limit, none near-identical to another, help, guidance on "not
 * applicable" and the evidence rule of its highest option. */
static void
test_questions (void)
{
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (NULL);
  g_autoptr(GPtrArray) questions = raw_questions (framework);

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      g_test_message ("%s: %u questions", dimension->id, dimension->questions->len);
      g_assert_cmpuint (dimension->questions->len, >=, 4);
      g_assert_cmpuint (dimension->questions->len, <=, 6);
    }

  for (guint i = 0; i < questions->len; i++)
    {
      JsonObject *question = g_ptr_array_index (questions, i);
      const char *id = json_object_get_string_member (question, "id");
      JsonArray *options = json_object_get_array_member (question, "options");
      glong shortest = G_MAXLONG, longest = 0;

      g_test_message ("%s", id);
      g_assert_cmpuint (json_array_get_length (options), ==, 5);
      g_assert_cmpuint (strlen (json_object_get_string_member_with_default (question, "help", "")),
                        >, 0);
      g_assert_cmpuint (strlen (json_object_get_string_member_with_default (question,
                                                                           "not_applicable", "")),
                        >, 0);
      g_assert_cmpuint (strlen (json_object_get_string_member_with_default (question, "evidence",
                                                                           "")), >, 0);

      for (guint a = 0; a < 5; a++)
        {
          const char *option = json_array_get_string_element (options, a);
          glong length = g_utf8_strlen (option, -1);

          if (length > MAX_OPTION_CHARS || length < MIN_OPTION_CHARS)
            g_error ("%s option %u has %ld characters (%d–%d)", id, a + 1, length,
                     MIN_OPTION_CHARS, MAX_OPTION_CHARS);
          shortest = MIN (shortest, length);
          longest = MAX (longest, length);

          for (guint b = a + 1; b < 5; b++)
            {
              const char *other = json_array_get_string_element (options, b);

              g_assert_cmpstr (option, !=, other);
              if (similarity (option, other) > MAX_OPTION_SIMILARITY)
                g_error ("%s options %u and %u are near-identical", id, a + 1, b + 1);
            }
        }

      if (longest > MAX_OPTION_RATIO * shortest)
        g_error ("%s: its longest option has %ld characters, its shortest %ld", id, longest,
                 shortest);
    }
}

/* Help texts are shown when the phases are hidden: they name no phase. */
static void
test_help_names_no_phase (void)
{
  static const char * const words[] = {
    "phase", "Seekers", "Integrators", "Relators", "Proficient", "the Missing", NULL
  };
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (NULL);
  g_autoptr(GPtrArray) questions = raw_questions (framework);

  for (guint i = 0; i < questions->len; i++)
    {
      JsonObject *question = g_ptr_array_index (questions, i);
      g_autofree char *help = g_utf8_strdown (json_object_get_string_member (question, "help"),
                                              -1);

      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *word = g_utf8_strdown (words[w], -1);

          if (strstr (help, word) != NULL)
            g_error ("The help of %s names “%s”", json_object_get_string_member (question, "id"),
                     words[w]);
        }
    }
}

/* Every next step has a "done when", and no step is repeated. */
static void
test_next_steps (void)
{
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint k = 0; k < PW_N_PHASES - 1; k++)
        {
          g_assert_nonnull (dimension->next_steps[k]);
          g_assert_cmpuint (g_strv_length (dimension->next_steps[k]), >=, 1);
          g_assert_cmpuint (g_strv_length (dimension->done_when[k]), ==,
                            g_strv_length (dimension->next_steps[k]));

          for (guint j = 0; dimension->next_steps[k][j] != NULL; j++)
            {
              if (*dimension->done_when[k][j] == '\0')
                g_error ("%s, step %u from phase %u, has no “done when”", dimension->id, j + 1,
                         k + 1);
              if (!g_hash_table_add (seen, dimension->next_steps[k][j]))
                g_error ("The step “%s” is listed twice", dimension->next_steps[k][j]);
            }
        }
    }
}

/* Every id a question replaces exists in 1.0.0, and every 1.0.0 question
 * either carries over or is listed as retired by the migration. */
static void
test_replaces (void)
{
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (NULL);
  g_autoptr(PwFramework) old = load_framework ("lostinsm-1.0.0.json");
  g_autoptr(GHashTable) replaced = g_hash_table_new (g_str_hash, g_str_equal);
  guint carried = 0;

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          /* A 1.0.0 id is kept only by the question that carries its answers */
          if (pw_framework_find_question (old, question->id) != NULL)
            g_assert_true (question->replaces != NULL
                           && g_strv_contains ((const char * const *) question->replaces,
                                               question->id));

          for (guint i = 0; question->replaces && question->replaces[i]; i++)
            {
              if (pw_framework_find_question (old, question->replaces[i]) == NULL)
                g_error ("%s replaces “%s”, which 1.0.0 does not have", question->id,
                         question->replaces[i]);
              g_hash_table_add (replaced, question->replaces[i]);
            }
        }
    }

  for (guint d = 0; d < pw_framework_get_n_dimensions (old); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (old, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          if (g_hash_table_contains (replaced, question->id))
            carried++;
          else
            g_test_message ("retired: %s", question->id);
        }
    }

  /* Most of 1.0.0's answers carry over */
  g_assert_cmpuint (carried, >=, pw_framework_get_n_questions (old) * 3 / 4);
}

/* Every sign of the two articles is captured by an option at the phase the
 * articles give it (tests/fixtures/lostinsm-signs.txt; the questions'
 * `signs` member says which option captures which sign). */
static void
test_signs (void)
{
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (NULL);
  g_autoptr(GPtrArray) questions = raw_questions (framework);
  g_autofree char *path = pw_test_source_path ("tests", "fixtures", "lostinsm-signs.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) captured = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
  guint n_signs = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  for (guint i = 0; i < questions->len; i++)
    {
      JsonObject *question = g_ptr_array_index (questions, i);
      JsonObject *signs;
      g_autoptr(GList) names = NULL;

      if (!json_object_has_member (question, "signs"))
        continue;

      signs = json_object_get_object_member (question, "signs");
      names = json_object_get_members (signs);
      for (const GList *l = names; l != NULL; l = l->next)
        {
          GPtrArray *phases = g_hash_table_lookup (captured, l->data);

          if (phases == NULL)
            {
              phases = g_ptr_array_new ();
              g_hash_table_insert (captured, l->data, phases);
            }
          g_ptr_array_add (phases, GINT_TO_POINTER (json_object_get_int_member (signs, l->data)));
        }
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) allowed = NULL;
      GPtrArray *phases;
      gboolean right = FALSE;

      if (*lines[i] == '#' || *lines[i] == '\0')
        continue;

      fields = g_strsplit (lines[i], "\t", 4);
      allowed = g_strsplit (fields[1], " ", -1);
      n_signs++;
      phases = g_hash_table_lookup (captured, fields[0]);
      if (phases == NULL)
        g_error ("Sign %s (%s) is not captured", fields[0], fields[3]);

      for (guint p = 0; p < phases->len; p++)
        for (guint a = 0; allowed[a] != NULL; a++)
          if (GPOINTER_TO_INT (g_ptr_array_index (phases, p)) == atoi (allowed[a]))
            right = TRUE;
      if (!right)
        g_error ("Sign %s (%s) is captured, but not at phase %s", fields[0], fields[3],
                 fields[1]);
    }

  g_assert_cmpuint (n_signs, ==, 72);
}

/* The checklist: every item of 1.0.0 is still there (workbooks keep their
 * statuses), every item says what proves it, privacy and endorsement
 * disclosure are core, and no core item asks for more than phase 4. */
static void
test_policy (void)
{
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (NULL);
  g_autoptr(PwFramework) old = load_framework ("lostinsm-1.0.0.json");
  guint n_core = 0;

  for (guint c = 0; c < pw_framework_get_n_policy_categories (old); c++)
    {
      const PwPolicyCategory *category = pw_framework_get_policy_category (old, c);

      g_assert_nonnull (pw_framework_find_policy_category (framework, category->id));
      for (guint i = 0; i < category->items->len; i++)
        {
          const PwPolicyItemDef *item = g_ptr_array_index (category->items, i);

          if (pw_framework_find_policy_item (framework, item->id) == NULL)
            g_error ("The 1.0.0 policy item %s is missing", item->id);
        }
    }

  for (guint c = 0; c < pw_framework_get_n_policy_categories (framework); c++)
    {
      const PwPolicyCategory *category = pw_framework_get_policy_category (framework, c);

      for (guint i = 0; i < category->items->len; i++)
        {
          const PwPolicyItemDef *item = g_ptr_array_index (category->items, i);

          if (item->evidence == NULL || *item->evidence == '\0')
            g_error ("The policy item %s does not say what proves it", item->id);
          n_core += item->core;
        }
    }

  g_assert_true (pw_framework_find_policy_item (framework, "compliance-privacy")->core);
  g_assert_true (pw_framework_find_policy_item (framework, "identity-endorsement")->core);
  g_assert_cmpuint (n_core, >=, 9);
  g_assert_cmpuint (pw_framework_get_n_policy_categories (framework), >,
                    pw_framework_get_n_policy_categories (old) - 1);
}

/* Every text of the framework read in German (the build's catalogue) is
 * translated: run in a child, the language is chosen once per process. */
static void
check_german (void)
{
  g_autofree char *locales = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GPtrArray) untranslated = g_ptr_array_new_with_free_func (g_free);
  JsonObject *root;
  JsonArray *dimensions;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locales);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

#define CHECK(text) \
  G_STMT_START { \
    const char *_t = (text); \
    if (_t != NULL && *_t != '\0' && g_dgettext (GETTEXT_PACKAGE, _t) == _t) \
      g_ptr_array_add (untranslated, g_strdup (_t)); \
  } G_STMT_END

  framework = pw_framework_load_bundled (NULL);
  root = snapshot_root (framework);
  CHECK (json_object_get_string_member (root, "name"));
  CHECK (json_object_get_string_member (root, "description"));
  dimensions = json_object_get_array_member (root, "dimensions");
  for (guint d = 0; d < json_array_get_length (dimensions); d++)
    {
      JsonObject *dimension = json_array_get_object_element (dimensions, d);
      JsonArray *levels = json_object_get_array_member (dimension, "levels");
      JsonArray *steps = json_object_get_array_member (dimension, "next_steps");
      JsonArray *questions = json_object_get_array_member (dimension, "questions");

      CHECK (json_object_get_string_member (dimension, "name"));
      CHECK (json_object_get_string_member (dimension, "description"));
      for (guint i = 0; i < json_array_get_length (levels); i++)
        CHECK (json_array_get_string_element (levels, i));
      for (guint k = 0; k < json_array_get_length (steps); k++)
        {
          JsonArray *list = json_array_get_array_element (steps, k);

          for (guint j = 0; j < json_array_get_length (list); j++)
            {
              JsonObject *step = json_array_get_object_element (list, j);

              CHECK (json_object_get_string_member (step, "text"));
              CHECK (json_object_get_string_member (step, "done_when"));
            }
        }
      for (guint q = 0; q < json_array_get_length (questions); q++)
        {
          JsonObject *question = json_array_get_object_element (questions, q);
          JsonArray *options = json_object_get_array_member (question, "options");

          CHECK (json_object_get_string_member (question, "text"));
          CHECK (json_object_get_string_member (question, "help"));
          CHECK (json_object_get_string_member (question, "not_applicable"));
          CHECK (json_object_get_string_member (question, "evidence"));
          for (guint i = 0; i < json_array_get_length (options); i++)
            CHECK (json_array_get_string_element (options, i));
        }
    }

  for (guint c = 0; c < pw_framework_get_n_policy_categories (framework); c++)
    {
      const PwPolicyCategory *category = pw_framework_get_policy_category (framework, c);

      /* The framework translated them as it loaded: compare with the file */
      for (guint i = 0; i < category->items->len; i++)
        {
          const PwPolicyItemDef *item = g_ptr_array_index (category->items, i);

          g_assert_nonnull (item->title);
        }
    }
  {
    JsonObject *policy = json_object_get_object_member (root, "policy");
    JsonArray *categories = json_object_get_array_member (policy, "categories");

    for (guint c = 0; c < json_array_get_length (categories); c++)
      {
        JsonObject *category = json_array_get_object_element (categories, c);
        JsonArray *items = json_object_get_array_member (category, "items");

        CHECK (json_object_get_string_member (category, "name"));
        for (guint i = 0; i < json_array_get_length (items); i++)
          {
            JsonObject *item = json_array_get_object_element (items, i);

            CHECK (json_object_get_string_member (item, "title"));
            CHECK (json_object_get_string_member (item, "description"));
            CHECK (json_object_get_string_member (item, "evidence"));
          }
      }
  }
#undef CHECK

  for (guint i = 0; i < MIN (untranslated->len, 20); i++)
    g_printerr ("untranslated: %s\n", (char *) g_ptr_array_index (untranslated, i));
  g_assert_cmpuint (untranslated->len, ==, 0);
}

static void
test_german (void)
{
  if (g_test_subprocess ())
    {
      check_german ();
      return;
    }

  g_setenv ("LANGUAGE", "de", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phasewise/framework/version", test_version);
  g_test_add_func ("/phasewise/framework/questions", test_questions);
  g_test_add_func ("/phasewise/framework/help-names-no-phase", test_help_names_no_phase);
  g_test_add_func ("/phasewise/framework/next-steps", test_next_steps);
  g_test_add_func ("/phasewise/framework/replaces", test_replaces);
  g_test_add_func ("/phasewise/framework/signs", test_signs);
  g_test_add_func ("/phasewise/framework/policy", test_policy);
  g_test_add_func ("/phasewise/framework/german", test_german);

  return g_test_run ();
}
