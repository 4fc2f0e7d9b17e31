/* replay.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <glib.h>

/*
 * Runs a fuzz target over every file of its corpus, as an ordinary test:
 * the seeds and every input that once crashed stay checked on each run.
 */

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const unsigned char *) contents, length);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *corpus = NULL;
  const char *name;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* The corpus to replay: a folder under tests/fuzz/corpus/. */
  g_assert_cmpint (argc, ==, 2);

  corpus = g_build_filename (g_getenv ("PW_SOURCE_ROOT"), "tests", "fuzz", "corpus",
                             argv[1], NULL);
  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (corpus, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test_path = g_strdup_printf ("/phasewise/fuzz-replay/%s", base);

      g_test_add_data_func (test_path, path, replay_file);
    }

  return g_test_run ();
}
