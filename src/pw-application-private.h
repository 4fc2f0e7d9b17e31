/* pw-application-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-application.h"

G_BEGIN_DECLS

/* PwApplication spans pw-application.c and pw-application-actions.c. */

void _pw_application_install_actions (PwApplication *self);

G_END_DECLS
