// Generated from openapi.json by openapi-typescript (local/web.ts): do not edit.
export interface paths {
    "/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the API answers (no dependency is asked)
         * @description Liveness: the API answers (no dependency is asked).
         *
         *     No sign-in (public); throttled harder than the signed-in routes.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: reachability of DynamoDB, S3 and the workflow runner (cached for a few seconds)
         * @description Readiness: reachability of DynamoDB, S3 and the workflow runner (cached for a few seconds).
         *
         *     No sign-in (public); throttled harder than the signed-in routes.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This API described as OpenAPI 3.1
         * @description This API described as OpenAPI 3.1.
         *
         *     No sign-in (public); throttled harder than the signed-in routes.
         */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Funding rounds, newest first (public)
         * @description Funding rounds, newest first (public).
         *
         *     No sign-in (public); throttled harder than the signed-in routes.
         */
        get: operations["listRounds"];
        put?: never;
        /**
         * Create a funding round: budget, caps, window, review settings, rubric, notice period, priorities
         * @description Create a funding round: budget, caps, window, review settings, rubric, notice period, priorities.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["createRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A funding round (public)
         * @description A funding round (public).
         *
         *     No sign-in (public); throttled harder than the signed-in routes.
         */
        get: operations["getRound"];
        /**
         * Replace an open round’s settings; carries its version (stale → 409)
         * @description Replace an open round’s settings; carries its version (stale → 409).
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        put: operations["updateRound"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the round now and start its pipeline (a second close is harmless)
         * @description Close the round now and start its pipeline (a second close is harmless).
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["closeRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A round's pipeline status: current stage and what it waits on
         * @description A round's pipeline status: current stage and what it waits on.
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["getRoundPipeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/pipeline/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed pipeline: a new run resumes where the failed one stopped (what is done is kept); 409 while a run is active or when nothing failed
         * @description Retry a failed pipeline: a new run resumes where the failed one stopped (what is done is kept); 409 while a run is active or when nothing failed.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["retryRoundPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The round's audit trail: every pipeline decision with who, when and why
         * @description The round's audit trail: every pipeline decision with who, when and why.
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["getRoundHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who I am: roles and the organisation I act for
         * @description Who I am: roles and the organisation I act for.
         *
         *     Roles: applicant, admin, reviewer, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notification preferences: address, language, opted-out topics, and the address in effect
         * @description My notification preferences: address, language, opted-out topics, and the address in effect.
         *
         *     Roles: applicant, admin, reviewer, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["getMyPreferences"];
        /**
         * Replace my notification preferences (essential topics cannot be opted out of: 400)
         * @description Replace my notification preferences (essential topics cannot be opted out of: 400).
         *
         *     Roles: applicant, admin, reviewer, inspector, inspection-office (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        put: operations["putMyPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find an organisation by its USCC (to invite it): id, kind and name
         * @description Find an organisation by its USCC (to invite it): id, kind and name.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["lookupOrganisation"];
        put?: never;
        /**
         * Register the profile of the organisation I act for (one per user)
         * @description Register the profile of the organisation I act for (one per user).
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organisation profile (my own, or any for admins)
         * @description An organisation profile (my own, or any for admins).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getOrganisation"];
        /**
         * Replace a profile; carries the version it is based on (stale → 409)
         * @description Replace a profile; carries the version it is based on (stale → 409).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        put: operations["updateOrganisation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{orgId}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation's own rules (E1–E6 or S1–S4) on its profile alone
         * @description The organisation's own rules (E1–E6 or S1–S4) on its profile alone.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getOrganisationEligibility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/needs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open needs, newest first (contacts only on the caller's own)
         * @description Open needs, newest first (contacts only on the caller's own).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["listNeeds"];
        put?: never;
        /**
         * Publish a technical need of my enterprise (§1.3.1: the need comes from the enterprise)
         * @description Publish a technical need of my enterprise (§1.3.1: the need comes from the enterprise).
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["createNeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/needs/{needId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A need; its contact only for its enterprise, admins and a society whose interest was accepted
         * @description A need; its contact only for its enterprise, admins and a society whose interest was accepted.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getNeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit my open need or close it; carries the version it is based on (stale → 409)
         * @description Edit my open need or close it; carries the version it is based on (stale → 409).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        patch: operations["updateNeed"];
        trace?: never;
    };
    "/v1/needs/{needId}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Suggested societies for my need, best first, with the reasons (the need's enterprise and admins)
         * @description Suggested societies for my need, best first, with the reasons (the need's enterprise and admins).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getNeedMatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/needs/{needId}/interests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The interests in a need (its enterprise and admins: all; a society: its own)
         * @description The interests in a need (its enterprise and admins: all; a society: its own).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["listInterests"];
        put?: never;
        /**
         * My society expresses interest in an open need, with a message (once per need)
         * @description My society expresses interest in an open need, with a message (once per need).
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["expressInterest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/needs/{needId}/interests/{interestId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a society’s interest: a draft alliance with both as confirmed members, pre-filled from the need
         * @description Accept a society’s interest: a draft alliance with both as confirmed members, pre-filled from the need.
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["acceptInterest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/needs/{needId}/interests/{interestId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline a society’s interest
         * @description Decline a society’s interest.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["declineInterest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/capabilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Societies' capability profiles (no personal contact details)
         * @description Societies' capability profiles (no personal contact details).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["listCapabilities"];
        /**
         * Create or replace my society's capability profile (version of the one replaced; stale → 409)
         * @description Create or replace my society's capability profile (version of the one replaced; stale → 409).
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        put: operations["putCapability"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/capabilities/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A society's capability profile
         * @description A society's capability profile.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getCapability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/capabilities/{orgId}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Suggested open needs for my society, best first, with the reasons (the society and admins)
         * @description Suggested open needs for my society, best first, with the reasons (the society and admins).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getCapabilityMatches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/agreement.docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The task agreement (任务协议书) draft as a Word document: the association's versioned template filled from the alliance (members and admins)
         * @description The task agreement (任务协议书) draft as a Word document: the association's versioned template filled from the alliance (members and admins).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getAgreementDocx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My organisation's alliances; admins: a round's alliances (?roundId=)
         * @description My organisation's alliances; admins: a round's alliances (?roundId=).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["listAlliances"];
        put?: never;
        /**
         * Create a draft alliance in an open round; my organisation is its first member
         * @description Create a draft alliance in an open round; my organisation is its first member.
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["createAlliance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An alliance with its members (members and admins only)
         * @description An alliance with its members (members and admins only).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getAlliance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change fields of a draft; carries the version it is based on (stale → 409)
         * @description Change fields of a draft; carries the version it is based on (stale → 409).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        patch: operations["updateAlliance"];
        trace?: never;
    };
    "/v1/alliances/{allianceId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite an enterprise or society to the alliance
         * @description Invite an enterprise or society to the alliance.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["inviteMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/members/{orgId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The invited organisation's applicant confirms its membership
         * @description The invited organisation's applicant confirms its membership.
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["confirmMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/members/{orgId}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The invited organisation's applicant declines
         * @description The invited organisation's applicant declines.
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["declineMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dry run of every eligibility rule (E1–E6, S1–S4, A1–A5) with the values each looked at
         * @description Dry run of every eligibility rule (E1–E6, S1–S4, A1–A5) with the values each looked at.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getAllianceEligibility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit: the rules run again; 422 names every failing rule
         * @description Submit: the rules run again; 422 names every failing rule.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["submitAlliance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a draft or submitted alliance while its round is open, with a reason
         * @description Withdraw a draft or submitted alliance while its round is open, with a reason.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["withdrawAlliance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An alliance's documents with their verification status (and why one was rejected)
         * @description An alliance's documents with their verification status (and why one was rejected).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["listDocuments"];
        put?: never;
        /**
         * A presigned POST for the agreement PDF (or a report or receipt): key, type and size fixed by the server
         * @description A presigned POST for the agreement PDF (or a report or receipt): key, type and size fixed by the server.
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["requestUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/documents/{documentId}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a verified document's stored evidence again (PDF checks and SHA-256); failing rejects it and flags the ledger entry its receipt backs
         * @description Check a verified document's stored evidence again (PDF checks and SHA-256); failing rejects it and flags the ledger entry its receipt backs.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["reverifyDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/award": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A designated alliance's award and its dedicated account's budget lines
         * @description A designated alliance's award and its dedicated account's budget lines.
         *
         *     Roles: applicant, admin, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["getAward"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An alliance's audit trail: who did what, when and why
         * @description An alliance's audit trail: who did what, when and why.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["getAllianceHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/screening": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The round's submitted alliances with their automatic findings and decisions, a page at a time (by alliance id), with the gate's counts
         * @description The round's submitted alliances with their automatic findings and decisions, a page at a time (by alliance id), with the gate's counts.
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["listScreening"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/screening/{allianceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pass or reject an alliance, with a reason (the last decision moves the pipeline on)
         * @description Pass or reject an alliance, with a reason (the last decision moves the pipeline on).
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["decideScreening"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/screening/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move on when every alliance is decided (or there was none to decide)
         * @description Move on when every alliance is decided (or there was none to decide).
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["completeScreening"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/reviewers/{reviewerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Register (or update) an expert of the review committee: expertise, affiliations, conflicts
         * @description Register (or update) an expert of the review committee: expertise, affiliations, conflicts.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        put: operations["registerReviewer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/reviewers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The review committee of a round
         * @description The review committee of a round.
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["listReviewers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reviewer assignments; ?preview=true is a dry run with the current reviewers (and ?seed=)
         * @description Reviewer assignments; ?preview=true is a dry run with the current reviewers (and ?seed=).
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["listAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/reviews/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the review period now; ranking proceeds with the reviews that are in
         * @description End the review period now; ranking proceeds with the reviews that are in.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["closeReviews"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My review assignments
         * @description My review assignments.
         *
         *     Roles: reviewer (a staff role only from a staff-pool token).
         */
        get: operations["myAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/assignments/{roundId}/{allianceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An assigned application, the rubric and my own review (never another reviewer’s)
         * @description An assigned application, the rubric and my own review (never another reviewer’s).
         *
         *     Roles: reviewer (a staff role only from a staff-pool token).
         */
        get: operations["readAssignment"];
        /**
         * Submit or update my scores (per rubric criterion), comment and recommendation
         * @description Submit or update my scores (per rubric criterion), comment and recommendation.
         *
         *     Roles: reviewer (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        put: operations["submitReview"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/assignments/{roundId}/{allianceId}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A verified document of an alliance assigned to me: a download link valid for 5 minutes
         * @description A verified document of an alliance assigned to me: a download link valid for 5 minutes.
         *
         *     Roles: reviewer (a staff role only from a staff-pool token).
         */
        get: operations["getAssignedDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/assignments/{roundId}/{allianceId}/conflict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Declare a conflict of interest: I am replaced on this alliance at once
         * @description Declare a conflict of interest: I am replaced on this alliance at once.
         *
         *     Roles: reviewer (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["declareConflict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The selection (status, policy, budget, totals, approval) and a page of the ranking in rank order: raw and calibrated scores, bonuses, the budget line and a reason for every alliance
         * @description The selection (status, policy, budget, totals, approval) and a page of the ranking in rank order: raw and calibrated scores, bonuses, the budget line and a reason for every alliance.
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["getRanking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/selection/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve the selection, with adjustments and their reasons; the budget still holds
         * @description Approve the selection, with adjustments and their reasons; the budget still holds.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["approveSelection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Objections filed against the public notice, with keyed hashes of each filer’s address and contact and the text’s fingerprint (to spot a flood), and duplicateOf
         * @description Objections filed against the public notice, with keyed hashes of each filer’s address and contact and the text’s fingerprint (to spot a flood), and duplicateOf.
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["listObjections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/objections/dismissals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dismiss open objections as spam, with a reason: up to 100 by id, or all from one client, contact or text; each audited; repeating it is harmless; the pipeline moves on when none is left open
         * @description Dismiss open objections as spam, with a reason: up to 100 by id, or all from one client, contact or text; each audited; repeating it is harmless; the pipeline moves on when none is left open.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["dismissObjections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/objections/{objectionId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Uphold (the alliance is dropped) or dismiss an objection, with a reason
         * @description Uphold (the alliance is dropped) or dismiss an objection, with a reason.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["resolveObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rounds/{roundId}/supplement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 递补: the money freed by dropped alliances and the left-out alliances it would fund under the round policy, with reasons (a preview; nothing changes)
         * @description 递补: the money freed by dropped alliances and the left-out alliances it would fund under the round policy, with reasons (a preview; nothing changes).
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["previewSupplement"];
        put?: never;
        /**
         * 递补: fill the freed budget as proposed (the additions get a supplementary notice with its own period) or decline, with a reason
         * @description 递补: fill the freed budget as proposed (the additions get a supplementary notice with its own period) or decline, with a reason.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["decideSupplement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/rounds/{roundId}/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public notice of the approved list (JSON)
         * @description The public notice of the approved list (JSON).
         *
         *     No sign-in (public); throttled harder than the signed-in routes.
         */
        get: operations["getNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/rounds/{roundId}/notice.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public notice as a readable Chinese page (no scripts)
         * @description The public notice as a readable Chinese page (no scripts).
         *
         *     No sign-in (public); throttled harder than the signed-in routes.
         */
        get: operations["getNoticePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/rounds/{roundId}/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Object to an announced alliance during the notice period (validated, size-limited, throttled). Limited per client address and per contact in each round (429 with Retry-After while an hourly limit holds); the same objection again from the same address or contact is a 409 naming the first. The notice page form posts application/x-www-form-urlencoded (same fields) and is answered with an HTML page: the receipt (201) or what was wrong (the error status), in the Accept-Language
         * @description Object to an announced alliance during the notice period (validated, size-limited, throttled). Limited per client address and per contact in each round (429 with Retry-After while an hourly limit holds); the same objection again from the same address or contact is a 409 naming the first. The notice page form posts application/x-www-form-urlencoded (same fields) and is answered with an HTML page: the receipt (201) or what was wrong (the error status), in the Accept-Language.
         *
         *     No sign-in (public); throttled harder than the signed-in routes. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["fileObjection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A designated alliance's implementation plan: milestones with dates, indicators with targets, history
         * @description A designated alliance's implementation plan: milestones with dates, indicators with targets, history.
         *
         *     Roles: applicant, admin, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["getPlan"];
        /**
         * Replace the plan; carries its version (stale → 409) and a reason; earlier versions are kept
         * @description Replace the plan; carries its version (stale → 409) and a reason; earlier versions are kept.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        put: operations["updatePlan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/plan/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An earlier version of the plan, as it was
         * @description An earlier version of the plan, as it was.
         *
         *     Roles: applicant, admin, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["getPlanVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close as completed (after the completion report is accepted) or terminate early, with a reason; the ledger freezes
         * @description Close as completed (after the completion report is accepted) or terminate early, with a reason; the ledger freezes.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["closeAlliance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A designated alliance's dedicated account (专账): award, each line's allocation, spent and remaining, totals and the entries, newest first
         * @description A designated alliance's dedicated account (专账): award, each line's allocation, spent and remaining, totals and the entries, newest first.
         *
         *     Roles: applicant, admin, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["getLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/ledger.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every ledger entry as CSV (UTF-8 with BOM, RFC 4180, oldest first; cells that could start a formula are prefixed with an apostrophe)
         * @description Every ledger entry as CSV (UTF-8 with BOM, RFC 4180, oldest first; cells that could start a formula are prefixed with an apostrophe).
         *
         *     Roles: applicant, admin, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["exportLedgerCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/ledger/expenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an expense against a budget line with a verified receipt; never beyond the line's remaining amount or the award (409)
         * @description Record an expense against a budget line with a verified receipt; never beyond the line's remaining amount or the award (409).
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["recordExpense"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/ledger/entries/{entryId}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct an expense with a reversing entry (negative amount) that gives the money back to its line; once per entry
         * @description Correct an expense with a reversing entry (negative amount) that gives the money back to its line; once per entry.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["reverseEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/ledger/entries/{entryId}/flag-resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolve the flag of an entry whose receipt failed reverification, with a reason, without reversing it (the entry stays spent and leaves the flagged figures); a reversal resolves it too
         * @description Resolve the flag of an entry whose receipt failed reverification, with a reason, without reversing it (the entry stays spent and leaves the flagged figures); a reversal resolves it too.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["resolveEntryFlag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/ledger/reallocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move allocation from one budget line to another, with a reason; the source line's remaining amount must cover it
         * @description Move allocation from one budget line to another, with a reason; the source line's remaining amount must cover it.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["reallocateLedger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An alliance's annual and completion reports: each deadline with its status and report
         * @description An alliance's annual and completion reports: each deadline with its status and report.
         *
         *     Roles: applicant, admin (a staff role only from a staff-pool token).
         */
        get: operations["listReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/reports/{reportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Submit (or resubmit after a return) a report: a verified report PDF, the actual value of every indicator and a summary
         * @description Submit (or resubmit after a return) a report: a verified report PDF, the actual value of every indicator and a summary.
         *
         *     Roles: applicant. Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        put: operations["submitReport"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/reports/{reportId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a submitted report
         * @description Accept a submitted report.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["acceptReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/reports/{reportId}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Return a submitted report with comments; the members resubmit it
         * @description Return a submitted report with comments; the members resubmit it.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["returnReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications, newest first: my organisation's (applicants), the programme office's (admins), the inspection office's, or my own (reviewers, inspectors)
         * @description My notifications, newest first: my organisation's (applicants), the programme office's (admins), the inspection office's, or my own (reviewers, inspectors).
         *
         *     Roles: applicant, admin, reviewer, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of my notifications read (again is harmless)
         * @description Mark one of my notifications read (again is harmless).
         *
         *     Roles: applicant, admin, reviewer, inspector, inspection-office (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inspectors/{inspectorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Register (or update) a member of an expert evaluation team: affiliations and conflicts
         * @description Register (or update) a member of an expert evaluation team: affiliations and conflicts.
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        put: operations["registerInspector"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inspectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The registered inspectors
         * @description The registered inspectors.
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["listInspectors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inspections/draws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Risk-weighted seeded draw of designated alliances to inspect; dryRun shows it without recording (the same seed, share and asOf re-run a recorded draw)
         * @description Risk-weighted seeded draw of designated alliances to inspect; dryRun shows it without recording (the same seed, share and asOf re-run a recorded draw).
         *
         *     Roles: admin (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["drawInspections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inspections/draws/{drawId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A recorded draw: seed, share, asOf, every candidate with its features and weight, picks, inspectors
         * @description A recorded draw: seed, share, asOf, every candidate with its features and weight, picks, inspectors.
         *
         *     Roles: admin (a staff role only from a staff-pool token).
         */
        get: operations["getInspectionDraw"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Inspections: an inspector sees those assigned to them, an admin and the inspection office all (?status=)
         * @description Inspections: an inspector sees those assigned to them, an admin and the inspection office all (?status=).
         *
         *     Roles: admin, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["listInspections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inspections/{inspectionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One inspection (its assigned inspector, an admin or the inspection office)
         * @description One inspection (its assigned inspector, an admin or the inspection office).
         *
         *     Roles: admin, inspector, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["getInspection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inspections/{inspectionId}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The assigned inspector's findings, rating and follow-up actions; a 'poor' rating sets a follow-up deadline in 60 days
         * @description The assigned inspector's findings, rating and follow-up actions; a 'poor' rating sets a follow-up deadline in 60 days.
         *
         *     Roles: inspector (a staff role only from a staff-pool token). Safe to retry with the same Idempotency-Key (the first answer is replayed).
         */
        post: operations["recordFindings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliances/{allianceId}/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An alliance's inspections: members see completed ones only (inspections are unannounced); admins and the inspection office all
         * @description An alliance's inspections: members see completed ones only (inspections are unannounced); admins and the inspection office all.
         *
         *     Roles: applicant, admin, inspection-office (a staff role only from a staff-pool token).
         */
        get: operations["listAllianceInspections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInterest: {
            /** @description The round of the draft (default: the need's) */
            roundId?: string;
        };
        Alliance: {
            name: string;
            summary?: string;
            /** @description Collaboration goals (协作目标) */
            goals?: string;
            tasks?: {
                title: string;
                description?: string;
            }[];
            /** @description Concrete guarantee measures (保障措施) */
            guaranteeMeasures?: string;
            /** @description Cooperation period (合作期限) */
            period?: {
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                start: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                end: string;
            };
            /** @description How results and IP rights are shared (协商决定权益, §1.3.3) */
            rightsSharing?: string;
            expertTeam?: {
                name: string;
                /** @description Professional title, e.g. 教授 / senior engineer */
                title: string;
                field: string;
                /** @description The society that sends this expert (S4) */
                organisationId: string;
            }[];
            /** @description Work plan with schedule (进度安排) */
            workPlan?: {
                milestone: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due: string;
                deliverable?: string;
            }[];
            /** @description Periodic assessment indicators (定期考核指标) */
            indicators?: {
                id: string;
                name: string;
                target: number;
                unit?: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due?: string;
            }[];
            /** @description Planned use of funds (资金使用方向和范围, §4.3) */
            budgetLines?: {
                id: string;
                category: string;
                description?: string;
                /** @description Total of the line, yuan */
                amount: number;
                /** @description The enterprises' own money in this line */
                enterpriseFunds: number;
                /** @description What the line asks of the programme */
                programmeFunds: number;
            }[];
            /** @description Service content types 1–7 (§2.1) */
            serviceTypes?: number[];
            /** @description Sector ids of the round */
            sectors?: string[];
            /** @description An opaque identifier */
            id: string;
            /** @description An opaque identifier */
            roundId: string;
            /** @enum {string} */
            status: "draft" | "submitted" | "withdrawn" | "rejected" | "in-review" | "selected" | "not-selected" | "dropped" | "designated" | "completed" | "terminated";
            version: number;
            /** @description The organisation that created the draft */
            createdBy: string;
            members: components["schemas"]["Member"][];
            statusHistory: {
                /** @enum {string} */
                status: "draft" | "submitted" | "withdrawn" | "rejected" | "in-review" | "selected" | "not-selected" | "dropped" | "designated" | "completed" | "terminated";
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                at: string;
                by: string;
                reason?: string;
            }[];
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            submittedAt?: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            updatedAt: string;
        };
        AllianceCreate: {
            name: string;
            summary?: string;
            /** @description Collaboration goals (协作目标) */
            goals?: string;
            tasks?: {
                title: string;
                description?: string;
            }[];
            /** @description Concrete guarantee measures (保障措施) */
            guaranteeMeasures?: string;
            /** @description Cooperation period (合作期限) */
            period?: {
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                start: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                end: string;
            };
            /** @description How results and IP rights are shared (协商决定权益, §1.3.3) */
            rightsSharing?: string;
            expertTeam?: {
                name: string;
                /** @description Professional title, e.g. 教授 / senior engineer */
                title: string;
                field: string;
                /** @description The society that sends this expert (S4) */
                organisationId: string;
            }[];
            /** @description Work plan with schedule (进度安排) */
            workPlan?: {
                milestone: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due: string;
                deliverable?: string;
            }[];
            /** @description Periodic assessment indicators (定期考核指标) */
            indicators?: {
                id: string;
                name: string;
                target: number;
                unit?: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due?: string;
            }[];
            /** @description Planned use of funds (资金使用方向和范围, §4.3) */
            budgetLines?: {
                id: string;
                category: string;
                description?: string;
                /** @description Total of the line, yuan */
                amount: number;
                /** @description The enterprises' own money in this line */
                enterpriseFunds: number;
                /** @description What the line asks of the programme */
                programmeFunds: number;
            }[];
            /** @description Service content types 1–7 (§2.1) */
            serviceTypes?: number[];
            /** @description Sector ids of the round */
            sectors?: string[];
            /** @description An opaque identifier */
            roundId: string;
        };
        AllianceSummary: {
            /** @description An opaque identifier */
            id: string;
            /** @description An opaque identifier */
            roundId: string;
            name: string;
            status: string;
            version: number;
            updatedAt: string;
            membership?: string;
        };
        AllianceUpdate: {
            name?: string;
            summary?: string;
            /** @description Collaboration goals (协作目标) */
            goals?: string;
            tasks?: {
                title: string;
                description?: string;
            }[];
            /** @description Concrete guarantee measures (保障措施) */
            guaranteeMeasures?: string;
            /** @description Cooperation period (合作期限) */
            period?: {
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                start: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                end: string;
            };
            /** @description How results and IP rights are shared (协商决定权益, §1.3.3) */
            rightsSharing?: string;
            expertTeam?: {
                name: string;
                /** @description Professional title, e.g. 教授 / senior engineer */
                title: string;
                field: string;
                /** @description The society that sends this expert (S4) */
                organisationId: string;
            }[];
            /** @description Work plan with schedule (进度安排) */
            workPlan?: {
                milestone: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due: string;
                deliverable?: string;
            }[];
            /** @description Periodic assessment indicators (定期考核指标) */
            indicators?: {
                id: string;
                name: string;
                target: number;
                unit?: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due?: string;
            }[];
            /** @description Planned use of funds (资金使用方向和范围, §4.3) */
            budgetLines?: {
                id: string;
                category: string;
                description?: string;
                /** @description Total of the line, yuan */
                amount: number;
                /** @description The enterprises' own money in this line */
                enterpriseFunds: number;
                /** @description What the line asks of the programme */
                programmeFunds: number;
            }[];
            /** @description Service content types 1–7 (§2.1) */
            serviceTypes?: number[];
            /** @description Sector ids of the round */
            sectors?: string[];
            /** @description The version this change is based on; 409 when it is no longer current */
            version: number;
        };
        AuditEntry: {
            id: string;
            at: string;
            action: string;
            actor: {
                [key: string]: unknown;
            };
            reason?: string;
            data?: {
                [key: string]: unknown;
            };
        };
        Capability: {
            /** @description An opaque identifier */
            organisationId: string;
            societyName: string;
            summary: string;
            fields: string[];
            serviceTypes: number[];
            experts: {
                name: string;
                /** @description Professional title, e.g. 教授 / senior engineer */
                title: string;
                field: string;
            }[];
            pastServices: {
                title: string;
                year: number;
                /** @description What the service achieved (the evidence S2 asks for) */
                result: string;
                enterprise?: string;
            }[];
            /** @description Active alliances (draft to designated): the input of the load factor */
            activeAlliances?: number;
            version: number;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            updatedAt: string;
        };
        CapabilityInput: {
            /** @example 光电子学会：光纤激光器、光通信器件的联合攻关与人才培养 */
            summary: string;
            /** @description Sector ids the society works in */
            fields: string[];
            /**
             * @description Service content types of §2.1: 1 strategy consulting, 2 technology information, 3 grassroots innovation, 4 joint R&D, 5 technology introduction, 6 talent exchange and training, 7 other
             * @example [
             *       4,
             *       6
             *     ]
             */
            serviceTypes: number[];
            /** @description Names, titles and fields only: no contact details */
            experts: {
                name: string;
                /** @description Professional title, e.g. 教授 / senior engineer */
                title: string;
                field: string;
            }[];
            pastServices: {
                title: string;
                year: number;
                /** @description What the service achieved (the evidence S2 asks for) */
                result: string;
                enterprise?: string;
            }[];
            /** @description The version being replaced (absent for the first) */
            version?: number;
        };
        CloseAlliance: {
            /** @enum {string} */
            outcome: "completed" | "terminated";
            reason: string;
        };
        CloseReviews: {
            reason: string;
        };
        CloseRound: {
            reason: string;
        };
        ConflictDeclaration: {
            reason: string;
            /** @description The member organisation the conflict is with */
            organisationId?: string;
        };
        /** @description Judged once: a later upload to the same ticket is ignored (and audited); a rejected document stays rejected */
        Document: {
            /** @description An opaque identifier */
            id: string;
            /** @description An opaque identifier */
            allianceId: string;
            /** @enum {string} */
            kind: "agreement" | "report" | "receipt";
            /** @enum {string} */
            status: "pending" | "verified" | "rejected";
            fileName?: string;
            contentType: string;
            maxBytes: number;
            /** @description The user who asked for the upload (sub) */
            uploadedBy: string;
            /** @description An opaque identifier */
            organisationId?: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            requestedAt: string;
            /**
             * Format: date-time
             * @description When the upload was judged
             */
            verifiedAt?: string;
            /** @description Bytes in the object judged */
            size?: number;
            /** @description Pages of a verified PDF */
            pageCount?: number;
            /** @description SHA-256 of the bytes verified: what expenses, reports and submissions pin */
            sha256?: string;
            /** @description Where the verified bytes are kept (written by the verifier only) */
            evidenceKey?: string;
            evidenceVersionId?: string;
            /**
             * Format: date-time
             * @description When an admin last had the stored evidence checked again
             */
            reverifiedAt?: string;
            rejection?: {
                en: string;
                zh: string;
            };
        };
        DrawRequest: {
            /** @description Share of the candidates to draw (default 0.1) */
            share?: number;
            /** @description Default: a random one (always recorded) */
            seed?: string;
            /**
             * @description Compute and show the draw without recording it
             * @default false
             */
            dryRun: boolean;
            /**
             * Format: date-time
             * @description The instant the risk features are evaluated at (default: now); recorded
             */
            asOf?: string;
            /** @description Draw among these designated alliances only (default: all) */
            allianceIds?: string[];
        };
        EligibilityReport: {
            eligible: boolean;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            checkedAt: string;
            /** @description Ids of the rules that failed (each once) */
            failing: string[];
            results: components["schemas"]["RuleResult"][];
        };
        /** @description The receipt failed reverification: the entry still counts as spent and is shown in flaggedAmount until resolved */
        EntryFlag: {
            /** @description Why the receipt failed reverification */
            reason: {
                en: string;
                zh: string;
            };
            /** @description The receipt that failed */
            documentId: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            flaggedAt: string;
            /** @description The admin whose reverification found it */
            by: {
                sub: string;
                username: string;
            };
        };
        Error: {
            error: {
                /** @description Machine-readable error code, e.g. validation_failed */
                code: string;
                /** @description Human-readable message in the language asked for */
                message: string;
                details: ({
                    path?: string;
                    code: string;
                    message: string;
                } & {
                    [key: string]: unknown;
                })[];
            };
        };
        ExpenseInput: {
            /** @description A budget line of the award (the alliance’s budgetLines[].id) */
            lineId: string;
            /** @description Whole yuan, more than 0 */
            amount: number;
            /**
             * Format: date
             * @description When the money was spent: not in the future (China time), within the cooperation period
             */
            date: string;
            description: string;
            /** @description A verified receipt document of this alliance (kind "receipt"); one receipt backs one entry */
            receiptDocumentId: string;
        };
        FindingsInput: {
            findings: string;
            /** @enum {string} */
            rating: "excellent" | "good" | "fair" | "poor";
            /** @default [] */
            followUpActions: {
                action: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due?: string;
            }[];
        };
        /** @description Why the spending is accepted without its receipt */
        FlagResolutionInput: {
            reason: string;
        };
        /** @description Answered by API Gateway itself, before any function runs */
        GatewayMessage: {
            /** @example Unauthorized */
            message: string;
        };
        Health: {
            /** @constant */
            status: "ok";
            /** Format: date-time */
            time: string;
            version: string;
        };
        Inspection: {
            /** @description An opaque identifier */
            inspectionId: string;
            /** @description An opaque identifier */
            drawId: string;
            /** @description An opaque identifier */
            allianceId: string;
            allianceName?: string;
            inspectorId: string | null;
            /** @enum {string} */
            status: "planned" | "unassigned" | "completed";
            weight: number;
            assignmentReason: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            drawnAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            completedAt?: string;
            findings?: string;
            /** @enum {string} */
            rating?: "excellent" | "good" | "fair" | "poor";
            followUpActions?: {
                action: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due?: string;
            }[];
            followUpDeadline?: {
                /** @constant */
                kind: "follow-up";
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due: string;
            };
            version: number;
        };
        InspectionDraw: {
            /** @description An opaque identifier */
            drawId: string;
            /** @enum {string} */
            kind: "monthly" | "ad-hoc";
            dryRun: boolean;
            seed: string;
            share: number;
            n: number;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            asOf: string;
            algorithm: string;
            candidates: {
                /** @description An opaque identifier */
                allianceId: string;
                weight: number;
                parts: {
                    base: number;
                    overdue: number;
                    returned: number;
                    pace: number;
                    indicators: number;
                    recency: number;
                };
                features: {
                    overdueReports: number;
                    returnedReports: number;
                    spentShare: number | null;
                    elapsedShare: number | null;
                    indicatorsBehind: number;
                    daysSinceLastInspection: number | null;
                };
            }[];
            picks: string[];
            assignments: {
                /** @description An opaque identifier */
                allianceId: string;
                inspectorId: string | null;
                /** @description An opaque identifier */
                inspectionId: string;
                reason: string;
            }[];
            restrictedTo?: string[];
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            at: string;
            by: string;
        };
        Inspector: {
            name: string;
            /** @description Organisations the inspector belongs to */
            affiliations: string[];
            /**
             * @description Organisations the inspector declares a conflict with
             * @default []
             */
            conflicts: string[];
            /** @description The inspector's user id (the token's sub) */
            inspectorId: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            registeredAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            updatedAt: string;
        };
        InspectorInput: {
            name: string;
            /** @description Organisations the inspector belongs to */
            affiliations: string[];
            /**
             * @description Organisations the inspector declares a conflict with
             * @default []
             */
            conflicts: string[];
        };
        Interest: {
            /** @description An opaque identifier */
            id: string;
            /** @description An opaque identifier */
            needId: string;
            /** @description An opaque identifier */
            societyId: string;
            societyName: string;
            message: string;
            /** @enum {string} */
            state: "pending" | "accepted" | "declined";
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            respondedAt?: string;
            respondedBy?: string;
            /** @description An opaque identifier */
            allianceId?: string;
        };
        InterestInput: {
            /** @example 我会光电子专委会可派三名专家参与散热攻关 */
            message: string;
        };
        Invite: {
            /** @description An opaque identifier */
            organisationId: string;
        };
        Ledger: {
            /** @description An opaque identifier */
            allianceId: string;
            /** @description An opaque identifier */
            roundId?: string;
            /** @description open, or frozen (no writes) */
            status: string;
            /** @description The award, yuan */
            award: number;
            lines: components["schemas"]["LedgerLine"][];
            totals: {
                allocation: number;
                spent: number;
                remaining: number;
                /** @description Of spent, what flagged entries account for */
                flaggedAmount: number;
                /** @description Entries flagged and not yet resolved */
                flaggedEntries: number;
            };
            reallocations: components["schemas"]["Reallocation"][];
            /** @description Newest first, one page */
            entries: components["schemas"]["LedgerEntry"][];
            /** @description Pass as ?cursor= for the next page of entries */
            nextCursor?: string;
        };
        LedgerEntry: {
            /** @description A ledger entry id */
            id: string;
            /** @description An opaque identifier */
            allianceId: string;
            /** @enum {string} */
            kind: "expense" | "reversal";
            lineId: string;
            category: string;
            /** @description Yuan; negative for a reversal */
            amount: number;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            date: string;
            description: string;
            /** @description An opaque identifier */
            receiptDocumentId?: string;
            /** @description SHA-256 of the receipt as verified when the expense was recorded (pinned) */
            receiptSha256?: string;
            /** @description Where the receipt's verified bytes are kept */
            receiptEvidenceKey?: string;
            receiptEvidenceVersionId?: string;
            recordedBy: {
                sub: string;
                username: string;
            };
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            recordedAt: string;
            /** @description Why a reversal was made */
            reason?: string;
            /** @description The entry a reversal cancels */
            reversalOf?: string;
            /** @description The reversal that cancelled this entry */
            reversedBy?: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            reversedAt?: string;
            flag?: components["schemas"]["EntryFlag"];
            resolvedFlag?: components["schemas"]["ResolvedEntryFlag"];
        };
        LedgerLine: {
            lineId: string;
            category: string;
            allocation: number;
            spent: number;
            remaining: number;
            /** @description Of spent, what entries whose receipt failed reverification account for */
            flaggedAmount: number;
        };
        Match: {
            /** @description The society (organisation id) or the need id */
            id: string;
            name: string;
            /** @description (0.35 sector + 0.30 services + 0.35 text) × load */
            score: number;
            parts: {
                sector: number;
                services: number;
                text: number;
            };
            reasons: {
                /** @description Matched sectors */
                fields: string[];
                /** @description Service types both sides name */
                serviceTypes: number[];
                /** @description Shared terms (character bigrams) that weigh most */
                terms: string[];
                /** @description 1 / (1 + 0.25 × max(0, active alliances − 2)) */
                load: number;
            };
        };
        Me: {
            sub: string;
            username: string;
            roles: string[];
            organisation?: components["schemas"]["OrganisationSummary"];
        };
        Member: {
            /** @description An opaque identifier */
            organisationId: string;
            /** @enum {string} */
            kind: "enterprise" | "society";
            name: string;
            /** @enum {string} */
            state: "invited" | "confirmed" | "declined";
            /** @description An opaque identifier */
            invitedBy?: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            invitedAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            respondedAt?: string;
        };
        Need: {
            /** @description An opaque identifier */
            id: string;
            /** @description An opaque identifier */
            organisationId: string;
            enterpriseName: string;
            /** @description An opaque identifier */
            roundId?: string;
            title: string;
            description: string;
            sector: string;
            serviceTypes: number[];
            budget: {
                /** @description Amount in whole yuan (CNY) */
                min: number;
                /** @description Amount in whole yuan (CNY) */
                max: number;
            };
            period: {
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                start: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                end: string;
            };
            contactPreference: {
                /** @enum {string} */
                channel: "platform" | "email" | "phone";
                name?: string;
                phone?: string;
                email?: string;
            };
            /** @enum {string} */
            status: "open" | "matched" | "closed";
            version: number;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            updatedAt: string;
            /** @description An opaque identifier */
            allianceId?: string;
        };
        NeedInput: {
            /** @description The round the alliance would apply in */
            roundId?: string;
            /** @example 高功率光纤激光器散热技术攻关 */
            title: string;
            /** @example 联合研发高功率光纤激光器的散热方案，提升器件稳定性 */
            description: string;
            /**
             * @description A sector id of the round's priority sectors
             * @example optoelectronics
             */
            sector: string;
            /**
             * @description Service content types of §2.1: 1 strategy consulting, 2 technology information, 3 grassroots innovation, 4 joint R&D, 5 technology introduction, 6 talent exchange and training, 7 other
             * @example [
             *       4,
             *       6
             *     ]
             */
            serviceTypes: number[];
            /**
             * @description Budget range in whole yuan
             * @example {
             *       "min": 200000,
             *       "max": 500000
             *     }
             */
            budget: {
                /** @description Amount in whole yuan (CNY) */
                min: number;
                /** @description Amount in whole yuan (CNY) */
                max: number;
            };
            /** @description Intended cooperation period */
            period: {
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                start: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                end: string;
            };
            /** @description How the enterprise wants to be reached; name, phone and email are shown only to the enterprise, admins and a society whose interest was accepted */
            contactPreference: {
                /** @enum {string} */
                channel: "platform" | "email" | "phone";
                name?: string;
                phone?: string;
                /** Format: email */
                email?: string;
            };
        };
        NeedPatch: {
            /** @description The round the alliance would apply in */
            roundId?: string;
            /** @example 高功率光纤激光器散热技术攻关 */
            title?: string;
            /** @example 联合研发高功率光纤激光器的散热方案，提升器件稳定性 */
            description?: string;
            /**
             * @description A sector id of the round's priority sectors
             * @example optoelectronics
             */
            sector?: string;
            /**
             * @description Service content types of §2.1: 1 strategy consulting, 2 technology information, 3 grassroots innovation, 4 joint R&D, 5 technology introduction, 6 talent exchange and training, 7 other
             * @example [
             *       4,
             *       6
             *     ]
             */
            serviceTypes?: number[];
            /**
             * @description Budget range in whole yuan
             * @example {
             *       "min": 200000,
             *       "max": 500000
             *     }
             */
            budget?: {
                /** @description Amount in whole yuan (CNY) */
                min: number;
                /** @description Amount in whole yuan (CNY) */
                max: number;
            };
            /** @description Intended cooperation period */
            period?: {
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                start: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                end: string;
            };
            /** @description How the enterprise wants to be reached; name, phone and email are shown only to the enterprise, admins and a society whose interest was accepted */
            contactPreference?: {
                /** @enum {string} */
                channel: "platform" | "email" | "phone";
                name?: string;
                phone?: string;
                /** Format: email */
                email?: string;
            };
            /**
             * @description closed to withdraw the need
             * @enum {string}
             */
            status?: "open" | "matched" | "closed";
            /** @description The version this change is based on; 409 when it is no longer current */
            version: number;
        };
        Notification: {
            /** @description An opaque identifier */
            id: string;
            recipient: {
                /** @description An opaque identifier */
                organisationId: string;
            } | {
                /** @enum {string} */
                role: "admin" | "inspection-office";
            } | {
                userId: string;
            };
            /** @enum {string} */
            topic: "report-reminder" | "report-overdue" | "report-escalated" | "report-submitted" | "report-accepted" | "report-returned" | "round-stuck" | "round-held-by-objections" | "alliance-invitation" | "alliance-member-confirmed" | "alliance-member-declined" | "screening-result" | "reviewer-assigned" | "review-reminder" | "selection-result" | "notice-published" | "objection-received" | "objection-resolved" | "designation" | "inspection-planned" | "inspection-follow-up" | "interest-received" | "interest-accepted" | "interest-declined";
            /** @description What the notification is about (its id is derived from it) */
            occasion: string;
            subject: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @description A report's id: its deadline's due date and kind, e.g. 2028-01-01_annual-report */
                reportId: string;
                /** @enum {string} */
                kind: "annual-report" | "completion-report";
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due: string;
            } | {
                /** @description An opaque identifier */
                roundId: string;
                gate: string;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                waitingSince: string;
            } | {
                [key: string]: string;
            };
            data: {
                [key: string]: unknown;
            };
            message: {
                en: string;
                zh: string;
            };
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            readAt?: string;
            readBy?: string;
        };
        Objection: {
            /** @description An opaque identifier */
            allianceId: string;
            /** @description Who objects (a person or organisation) */
            name: string;
            /** @description Phone or e-mail for the programme office to reply */
            contact: string;
            /** @description The objection and its grounds */
            text: string;
            /** @description An opaque identifier */
            id: string;
            /** @description An opaque identifier */
            roundId: string;
            /** @enum {string} */
            status: "open" | "upheld" | "dismissed";
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            filedAt: string;
            /** @description Keyed hash of the filer's network address (IPv6: its /64): many objections with one value are one client */
            clientHash?: string;
            /** @description Keyed hash of the normalised contact (e-mail, phone or text) */
            contactHash?: string;
            /** @description Fingerprint of the normalised text: the same value is the same text */
            fingerprint?: string;
            /** @description The first objection to this alliance with the same text (filed by someone else) */
            duplicateOf?: string;
            resolution?: {
                /** @enum {string} */
                outcome: "upheld" | "dismissed";
                reason: string;
                by: string;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                at: string;
                /** @description Dismissed as spam by a bulk dismissal */
                spam?: boolean;
            };
        };
        /** @description Exactly one of objectionIds, clientHash, contactHash, fingerprint names the objections */
        ObjectionDismissal: {
            /** @description Why they are dismissed as spam (audited on each) */
            reason: string;
            /** @description At most 100 */
            objectionIds?: string[];
            /** @description Every open objection from this client */
            clientHash?: string;
            /** @description Every open objection with this contact */
            contactHash?: string;
            /** @description Every open objection with this text */
            fingerprint?: string;
        };
        ObjectionDismissalResult: {
            /** @description An opaque identifier */
            roundId: string;
            /** @description Dismissed by this request */
            dismissed: string[];
            /** @description No longer open: left as they were */
            alreadyResolved: string[];
            /** @description Named but not objections of this round */
            notFound: string[];
            /** @description Objections of the round still open */
            open: number;
        };
        ObjectionFiled: {
            /** @description An opaque identifier */
            id: string;
            /** @description An opaque identifier */
            roundId: string;
            /** @description An opaque identifier */
            allianceId: string;
            status: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            filedAt: string;
            /** @description Someone filed the same text against this alliance before: that objection */
            duplicateOf?: string;
        };
        ObjectionInput: {
            /** @description An opaque identifier */
            allianceId: string;
            /** @description Who objects (a person or organisation) */
            name: string;
            /** @description Phone or e-mail for the programme office to reply */
            contact: string;
            /** @description The objection and its grounds */
            text: string;
        };
        ObjectionResolution: {
            /** @enum {string} */
            outcome: "upheld" | "dismissed";
            reason: string;
        };
        Organisation: {
            /** @constant */
            kind: "enterprise";
            name: string;
            /** @description Unified Social Credit Code (统一社会信用代码), 18 characters, GB 32100-2015 */
            uscc: string;
            /** @description E1: an independent legal person */
            legalPerson: boolean;
            /** @description E1: a technology-based SME (科技型中小企业) */
            techSme: boolean;
            mainBusiness: {
                description: string;
                /** @description E2: main business is R&D, production or services of technology-intensive products */
                techIntensive: boolean;
            };
            employees: number;
            /** @description E3: staff directly engaged in R&D */
            rdStaff: number;
            finances: {
                /** @description The financial year of the two figures */
                year: number;
                /** @description Amount in whole yuan (CNY) */
                operatingRevenue: number;
                /** @description Amount in whole yuan (CNY) */
                rdExpenditure: number;
            };
            workplace: {
                /** @description E5: provides workplace and equipment for the alliance */
                provided: boolean;
                description?: string;
            };
            /**
             * @description E6: enterprise S&T association (企业科协)
             * @enum {string}
             */
            stAssociation: "established" | "in-preparation" | "none";
            contact: {
                name: string;
                phone: string;
                /** Format: email */
                email?: string;
            };
            /** @description An opaque identifier */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            updatedAt: string;
        } | {
            /** @constant */
            kind: "society";
            name: string;
            /** @description Unified Social Credit Code (统一社会信用代码), 18 characters, GB 32100-2015 */
            uscc: string;
            /**
             * @description S1: a society of the city Association, or the S&T association of a university in the city
             * @enum {string}
             */
            societyType: "city-affiliated" | "university-in-city" | "other";
            university?: string;
            /** @description S2: experience serving enterprise innovation */
            serviceRecords: {
                year: number;
                /** @enum {string} */
                kind: "academic-exchange" | "training" | "consulting" | "technical-service" | "other";
                title: string;
                description?: string;
            }[];
            annualPlan: {
                year: number;
                /** @description S3: the task is in the society's annual work plan */
                includesTask: boolean;
                /** @description S3: the staff member responsible */
                responsibleStaff?: {
                    name: string;
                    phone: string;
                    /** Format: email */
                    email?: string;
                };
            };
            experts: {
                name: string;
                /** @description Professional title, e.g. 教授 / senior engineer */
                title: string;
                field: string;
            }[];
            contact: {
                name: string;
                phone: string;
                /** Format: email */
                email?: string;
            };
            /** @description An opaque identifier */
            id: string;
            version: number;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            updatedAt: string;
        };
        OrganisationInput: {
            /** @constant */
            kind: "enterprise";
            name: string;
            /** @description Unified Social Credit Code (统一社会信用代码), 18 characters, GB 32100-2015 */
            uscc: string;
            /** @description E1: an independent legal person */
            legalPerson: boolean;
            /** @description E1: a technology-based SME (科技型中小企业) */
            techSme: boolean;
            mainBusiness: {
                description: string;
                /** @description E2: main business is R&D, production or services of technology-intensive products */
                techIntensive: boolean;
            };
            employees: number;
            /** @description E3: staff directly engaged in R&D */
            rdStaff: number;
            finances: {
                /** @description The financial year of the two figures */
                year: number;
                /** @description Amount in whole yuan (CNY) */
                operatingRevenue: number;
                /** @description Amount in whole yuan (CNY) */
                rdExpenditure: number;
            };
            workplace: {
                /** @description E5: provides workplace and equipment for the alliance */
                provided: boolean;
                description?: string;
            };
            /**
             * @description E6: enterprise S&T association (企业科协)
             * @enum {string}
             */
            stAssociation: "established" | "in-preparation" | "none";
            contact: {
                name: string;
                phone: string;
                /** Format: email */
                email?: string;
            };
        } | {
            /** @constant */
            kind: "society";
            name: string;
            /** @description Unified Social Credit Code (统一社会信用代码), 18 characters, GB 32100-2015 */
            uscc: string;
            /**
             * @description S1: a society of the city Association, or the S&T association of a university in the city
             * @enum {string}
             */
            societyType: "city-affiliated" | "university-in-city" | "other";
            university?: string;
            /** @description S2: experience serving enterprise innovation */
            serviceRecords: {
                year: number;
                /** @enum {string} */
                kind: "academic-exchange" | "training" | "consulting" | "technical-service" | "other";
                title: string;
                description?: string;
            }[];
            annualPlan: {
                year: number;
                /** @description S3: the task is in the society's annual work plan */
                includesTask: boolean;
                /** @description S3: the staff member responsible */
                responsibleStaff?: {
                    name: string;
                    phone: string;
                    /** Format: email */
                    email?: string;
                };
            };
            experts: {
                name: string;
                /** @description Professional title, e.g. 教授 / senior engineer */
                title: string;
                field: string;
            }[];
            contact: {
                name: string;
                phone: string;
                /** Format: email */
                email?: string;
            };
        };
        OrganisationSummary: {
            /** @description An opaque identifier */
            id: string;
            /** @enum {string} */
            kind: "enterprise" | "society";
            name: string;
        };
        OrganisationUpdate: {
            /** @constant */
            kind: "enterprise";
            name: string;
            /** @description Unified Social Credit Code (统一社会信用代码), 18 characters, GB 32100-2015 */
            uscc: string;
            /** @description E1: an independent legal person */
            legalPerson: boolean;
            /** @description E1: a technology-based SME (科技型中小企业) */
            techSme: boolean;
            mainBusiness: {
                description: string;
                /** @description E2: main business is R&D, production or services of technology-intensive products */
                techIntensive: boolean;
            };
            employees: number;
            /** @description E3: staff directly engaged in R&D */
            rdStaff: number;
            finances: {
                /** @description The financial year of the two figures */
                year: number;
                /** @description Amount in whole yuan (CNY) */
                operatingRevenue: number;
                /** @description Amount in whole yuan (CNY) */
                rdExpenditure: number;
            };
            workplace: {
                /** @description E5: provides workplace and equipment for the alliance */
                provided: boolean;
                description?: string;
            };
            /**
             * @description E6: enterprise S&T association (企业科协)
             * @enum {string}
             */
            stAssociation: "established" | "in-preparation" | "none";
            contact: {
                name: string;
                phone: string;
                /** Format: email */
                email?: string;
            };
            /** @description The version this change is based on; 409 when it is no longer current */
            version: number;
        } | {
            /** @constant */
            kind: "society";
            name: string;
            /** @description Unified Social Credit Code (统一社会信用代码), 18 characters, GB 32100-2015 */
            uscc: string;
            /**
             * @description S1: a society of the city Association, or the S&T association of a university in the city
             * @enum {string}
             */
            societyType: "city-affiliated" | "university-in-city" | "other";
            university?: string;
            /** @description S2: experience serving enterprise innovation */
            serviceRecords: {
                year: number;
                /** @enum {string} */
                kind: "academic-exchange" | "training" | "consulting" | "technical-service" | "other";
                title: string;
                description?: string;
            }[];
            annualPlan: {
                year: number;
                /** @description S3: the task is in the society's annual work plan */
                includesTask: boolean;
                /** @description S3: the staff member responsible */
                responsibleStaff?: {
                    name: string;
                    phone: string;
                    /** Format: email */
                    email?: string;
                };
            };
            experts: {
                name: string;
                /** @description Professional title, e.g. 教授 / senior engineer */
                title: string;
                field: string;
            }[];
            contact: {
                name: string;
                phone: string;
                /** Format: email */
                email?: string;
            };
            /** @description The version this change is based on; 409 when it is no longer current */
            version: number;
        };
        PipelineStatus: {
            roundId: string;
            executionName: string;
            /** @enum {string} */
            status: "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED" | "NOT_STARTED";
            /** @description The pipeline stage the round is in */
            stage: string;
            /** @description Who or what the current stage waits on */
            waitingOn?: string;
            /** Format: date-time */
            startedAt?: string;
            /** Format: date-time */
            updatedAt?: string;
            /** @description The current run: 1, then 2, 3… after retries */
            attempt?: number;
            /** @description Every run of the pipeline, oldest first, with its outcome */
            attempts?: {
                attempt: number;
                executionName: string;
                /** Format: date-time */
                startedAt?: string;
                /** @description RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED */
                outcome: string;
                error?: {
                    /** @description The error name, e.g. States.TaskFailed or NoSuchBucket */
                    error: string;
                    /** @description One line of what went wrong */
                    message: string;
                };
                /** @description The stage the run failed in */
                stage?: string;
            }[];
            /** @description Why the current run failed (no stack trace) */
            failure?: {
                /** @description The error name, e.g. States.TaskFailed or NoSuchBucket */
                error: string;
                /** @description One line of what went wrong */
                message: string;
                stage?: string;
            };
            /** @description How far the latest paged step (one page of alliances per task) has got */
            progress?: {
                /** @description screening, selection (applying the approval) or designation */
                step: string;
                /** @description Alliances this run has processed in that step so far */
                processed: number;
                done: boolean;
                /** Format: date-time */
                at: string;
            };
            history: {
                stage: string;
                /** Format: date-time */
                at: string;
                by: string;
                note?: string;
            }[];
        };
        Plan: {
            milestones: {
                id: string;
                title: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due: string;
                /**
                 * @default planned
                 * @enum {string}
                 */
                status: "planned" | "done" | "delayed" | "dropped";
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                completedOn?: string;
                note?: string;
            }[];
            indicators: {
                id: string;
                name: string;
                target: number;
                unit?: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due?: string;
            }[];
            /** @description An opaque identifier */
            allianceId: string;
            version: number;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            updatedAt: string;
            updatedBy: string;
            history: {
                version: number;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                at: string;
                by: string;
                reason: string;
            }[];
        };
        PlanUpdate: {
            milestones: {
                id: string;
                title: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due: string;
                /**
                 * @default planned
                 * @enum {string}
                 */
                status: "planned" | "done" | "delayed" | "dropped";
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                completedOn?: string;
                note?: string;
            }[];
            indicators: {
                id: string;
                name: string;
                target: number;
                unit?: string;
                /**
                 * Format: date
                 * @description A calendar date, YYYY-MM-DD
                 */
                due?: string;
            }[];
            /** @description The version this change is based on; 409 when it is no longer current */
            version: number;
            /** @description Why the plan changes (kept in its history) */
            reason: string;
        };
        Preferences: {
            email?: string;
            phone?: string;
            /** @enum {string} */
            lang: "zh" | "en";
            optOut: ("report-reminder" | "report-overdue" | "report-escalated" | "report-submitted" | "report-accepted" | "report-returned" | "round-stuck" | "round-held-by-objections" | "alliance-invitation" | "alliance-member-confirmed" | "alliance-member-declined" | "screening-result" | "reviewer-assigned" | "review-reminder" | "selection-result" | "notice-published" | "objection-received" | "objection-resolved" | "designation" | "inspection-planned" | "inspection-follow-up" | "interest-received" | "interest-accepted" | "interest-declined")[];
            updatedAt?: string;
            /** @description The address messages go to now (the chosen one, else the sign-in or directory address) */
            address?: string;
            /** @description The topics one may opt out of */
            optionalTopics: ("report-reminder" | "report-overdue" | "report-escalated" | "report-submitted" | "report-accepted" | "report-returned" | "round-stuck" | "round-held-by-objections" | "alliance-invitation" | "alliance-member-confirmed" | "alliance-member-declined" | "screening-result" | "reviewer-assigned" | "review-reminder" | "selection-result" | "notice-published" | "objection-received" | "objection-resolved" | "designation" | "inspection-planned" | "inspection-follow-up" | "interest-received" | "interest-accepted" | "interest-declined")[];
        };
        /**
         * @description My notification preferences (replaces the previous ones)
         * @example {
         *       "email": "zhang.wei@example.cn",
         *       "lang": "zh",
         *       "optOut": [
         *         "report-submitted"
         *       ]
         *     }
         */
        PreferencesInput: {
            /**
             * Format: email
             * @description Where e-mail goes; leave out to use the sign-in address
             */
            email?: string;
            /** @description Mobile number in E.164 form (+86…), for text messages where the deployment has an SMS channel */
            phone?: string;
            /**
             * @description Language of the messages (zh: 中文, en: English)
             * @enum {string}
             */
            lang: "zh" | "en";
            /**
             * @description Optional topics not to be sent (essential topics cannot be opted out of: 400)
             * @default []
             */
            optOut: ("report-reminder" | "report-overdue" | "report-escalated" | "report-submitted" | "report-accepted" | "report-returned" | "round-stuck" | "round-held-by-objections" | "alliance-invitation" | "alliance-member-confirmed" | "alliance-member-declined" | "screening-result" | "reviewer-assigned" | "review-reminder" | "selection-result" | "notice-published" | "objection-received" | "objection-resolved" | "designation" | "inspection-planned" | "inspection-follow-up" | "interest-received" | "interest-accepted" | "interest-declined")[];
        };
        RankingPage: {
            /** @description An opaque identifier */
            roundId: string;
            /** @enum {string} */
            status: "proposed" | "approved";
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            computedAt: string;
            policy: string;
            budget: number;
            /** @description The proposed selection (the policy’s), summed up */
            result: {
                policy: string;
                budget: number;
                perAllianceCap: number;
                totalAwarded: number;
                remaining: number;
                totalMerit: number;
                /** @description Ranked alliances */
                rows: number;
                /** @description Funded alliances */
                funded: number;
            } & {
                [key: string]: unknown;
            };
            approved?: {
                by: string;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                at: string;
                note?: string;
                /** @description How many rows the admin adjusted */
                adjustments: number;
                /** @description A selection result without its rows (those are the items) */
                result: {
                    policy: string;
                    budget: number;
                    perAllianceCap: number;
                    totalAwarded: number;
                    remaining: number;
                    totalMerit: number;
                    /** @description Ranked alliances */
                    rows: number;
                    /** @description Funded alliances */
                    funded: number;
                } & {
                    [key: string]: unknown;
                };
            };
            /**
             * Format: date-time
             * @description When every alliance had its approved outcome (the pipeline applies it after approval)
             */
            appliedAt?: string;
            /** @description Alliances dropped since approval */
            dropCount?: number;
            /** @description Of those, covered by a 递补 decision */
            coveredDrops?: number;
            /** @description 递补 decisions recorded */
            supplementCount?: number;
            items: ({
                /** @description An opaque identifier */
                allianceId: string;
                rank: number;
                /** @description Raw and calibrated scores, bonuses, reviews, tie breaks */
                ranking: {
                    [key: string]: unknown;
                };
                /** @description The proposed row, with its reason */
                proposed: {
                    [key: string]: unknown;
                };
                /** @description The approved row (with the adjustment, if any) */
                approved?: {
                    [key: string]: unknown;
                };
                dropped?: {
                    [key: string]: unknown;
                };
                /** @description Added by 递补 */
                supplement?: {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            })[];
            /** @description Pass as ?cursor= for the next page */
            nextCursor?: string;
        };
        Readiness: {
            /** @enum {string} */
            status: "ok" | "degraded";
            /** Format: date-time */
            time: string;
            version: string;
            /** Format: date-time */
            checkedAt: string;
            components: {
                dynamodb: {
                    /** @enum {string} */
                    status: "ok" | "down";
                    latencyMs: number;
                    detail?: string;
                };
                s3: {
                    /** @enum {string} */
                    status: "ok" | "down";
                    latencyMs: number;
                    detail?: string;
                };
                workflow: {
                    /** @enum {string} */
                    status: "ok" | "down";
                    latencyMs: number;
                    detail?: string;
                };
            };
        };
        Reallocation: {
            /** @description An opaque identifier */
            id: string;
            /** @description An opaque identifier */
            allianceId: string;
            fromLineId: string;
            toLineId: string;
            amount: number;
            reason: string;
            by: {
                sub: string;
                username: string;
            };
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            at: string;
        };
        ReallocationInput: {
            /** @description A budget line of the award (the alliance’s budgetLines[].id) */
            fromLineId: string;
            /** @description A budget line of the award (the alliance’s budgetLines[].id) */
            toLineId: string;
            /** @description Amount in whole yuan (CNY), more than 0 */
            amount: number;
            reason: string;
        };
        ReallocationResult: {
            /** @description An opaque identifier */
            allianceId: string;
            /** @description An opaque identifier */
            roundId?: string;
            /** @description open, or frozen (no writes) */
            status: string;
            /** @description The award, yuan */
            award: number;
            lines: components["schemas"]["LedgerLine"][];
            totals: {
                allocation: number;
                spent: number;
                remaining: number;
                /** @description Of spent, what flagged entries account for */
                flaggedAmount: number;
                /** @description Entries flagged and not yet resolved */
                flaggedEntries: number;
            };
            reallocation: components["schemas"]["Reallocation"];
        };
        Report: {
            /** @description A report's id: its deadline's due date and kind, e.g. 2028-01-01_annual-report */
            id: string;
            /** @description An opaque identifier */
            allianceId: string;
            /** @description An opaque identifier */
            roundId?: string;
            /** @enum {string} */
            kind: "annual-report" | "completion-report";
            year?: number;
            /**
             * Format: date
             * @description A calendar date, YYYY-MM-DD
             */
            due: string;
            /** @enum {string} */
            status: "due" | "submitted" | "accepted" | "returned" | "overdue";
            version: number;
            /** @description The latest submission (earlier ones are in the audit trail) */
            report?: {
                /** @description An opaque identifier */
                documentId: string;
                /** @description SHA-256 of the report document as verified when it was submitted (pinned) */
                documentSha256?: string;
                progress: {
                    indicatorId: string;
                    actual: number;
                    note?: string;
                    name?: string;
                    target?: number;
                    unit?: string;
                }[];
                summary: string;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                submittedAt: string;
                submittedBy: string;
                /** @description An opaque identifier */
                organisationId?: string;
                late: boolean;
            };
            /** @description The programme office's latest decision */
            review?: {
                /** @enum {string} */
                decision: "accepted" | "returned";
                comments?: string;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                at: string;
                by: string;
            };
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            overdueAt?: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            escalatedAt?: string;
            statusHistory: {
                /** @enum {string} */
                status: "due" | "submitted" | "accepted" | "returned" | "overdue";
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                at: string;
                by: string;
                reason?: string;
            }[];
        };
        ReportAccept: {
            comments?: string;
            /** @description The version of the report this is based on (stale → 409); optional */
            version?: number;
        };
        ReportReturn: {
            comments: string;
            /** @description The version of the report this is based on (stale → 409); optional */
            version?: number;
        };
        ReportSubmission: {
            /** @description A verified 'report' document of this alliance */
            documentId: string;
            /** @description Actual value for every indicator of the alliance (定期考核指标) */
            progress: {
                indicatorId: string;
                actual: number;
                note?: string;
            }[];
            summary: string;
            /** @description The version of the report this is based on (stale → 409); optional */
            version?: number;
        };
        ResolvedEntryFlag: {
            /** @description Why the receipt failed reverification */
            reason: {
                en: string;
                zh: string;
            };
            /** @description The receipt that failed */
            documentId: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            flaggedAt: string;
            /** @description The admin whose reverification found it */
            by: {
                sub: string;
                username: string;
            };
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            resolvedAt: string;
            resolvedBy: {
                sub: string;
                username: string;
            };
            /** @description Why it was resolved */
            resolution: string;
            /** @description The reversal that resolved it */
            reversedBy?: string;
        };
        RetryPipeline: {
            /** @description Why the run is retried (audited) */
            reason: string;
        };
        RetryResult: {
            /** @description An opaque identifier */
            roundId: string;
            attempt: number;
            executionName: string;
            /** @description The stage the failed run stopped in */
            resumesAt: string;
        };
        Reverification: {
            /** @enum {string} */
            outcome: "passed" | "failed";
            document: components["schemas"]["Document"];
            checked: {
                /**
                 * @description The evidence copy, or the original upload for documents verified before copies
                 * @enum {string}
                 */
                source: "evidence" | "original";
                key: string;
                versionId?: string;
                /** @description SHA-256 of the bytes found */
                sha256?: string;
            };
            /** @description Ledger entries flagged because the receipt they pin failed */
            flaggedEntries: string[];
        };
        ReversalInput: {
            reason: string;
        };
        Reviewer: {
            /** @description The reviewer's user id (the token's sub) */
            reviewerId: string;
            name: string;
            title?: string;
            /** @description Sector ids */
            expertise: string[];
            /** @description Organisations the reviewer belongs to */
            affiliations: string[];
            /**
             * @description Organisations the reviewer declares a conflict with
             * @default []
             */
            conflicts: string[];
            /** @description An opaque identifier */
            roundId: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            registeredAt: string;
        };
        /** @description A verified document of an alliance assigned to me */
        ReviewerDocument: {
            /** @description An opaque identifier */
            id: string;
            /** @enum {string} */
            kind: "agreement" | "report" | "receipt";
            fileName?: string;
            contentType: string;
            size?: number;
            pageCount?: number;
            sha256?: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            verifiedAt?: string;
        };
        ReviewerDocumentLink: {
            document: components["schemas"]["ReviewerDocument"];
            /** @description A presigned GET of the verified bytes (a PDF), valid until expiresAt */
            url: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            expiresAt: string;
        };
        ReviewerInput: {
            /** @description The reviewer's user id (the token's sub) */
            reviewerId: string;
            name: string;
            title?: string;
            /** @description Sector ids */
            expertise: string[];
            /** @description Organisations the reviewer belongs to */
            affiliations: string[];
            /**
             * @description Organisations the reviewer declares a conflict with
             * @default []
             */
            conflicts: string[];
        };
        ReviewInput: {
            /** @description criterion id → score */
            scores: {
                [key: string]: number;
            };
            comment: string;
            /** @enum {string} */
            recommendation: "fund" | "fund-if-budget" | "do-not-fund";
        };
        Round: {
            name: string;
            year: number;
            /** @description Total programme funding for the round, yuan */
            budget: number;
            /** @description Most any one alliance may be awarded, yuan */
            perAllianceCap: number;
            /**
             * @description A3: the enterprises' own share of an alliance's total budget, at least (percent)
             * @default 50
             */
            enterpriseContributionMinPercent: number;
            applicationWindow: {
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                opensAt: string;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                closesAt: string;
            };
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            reviewDeadline: string;
            /** @default 3 */
            reviewersPerAlliance: number;
            rubric: {
                id: string;
                name: string;
                description?: string;
                /** @description Weight in percent; the weights sum to 100 */
                weight: number;
                /** @description Highest score a reviewer may give */
                max: number;
            }[];
            /** @default 7 */
            noticePeriodDays: number;
            /** @default [] */
            prioritySectors: {
                id: string;
                name: string;
                /** @description Points added to the score of an alliance in this sector */
                bonus: number;
            }[];
            /**
             * @description §3.3 preferences: several enterprises and several societies; more than one sector
             * @default {
             *       "multipleEnterprisesAndSocieties": 0,
             *       "crossSector": 0
             *     }
             */
            bonuses: {
                /** @default 0 */
                multipleEnterprisesAndSocieties: number;
                /** @default 0 */
                crossSector: number;
            };
            /**
             * @default rank-order
             * @enum {string}
             */
            selectionPolicy: "rank-order" | "max-merit";
            /** @description An opaque identifier */
            id: string;
            /**
             * @description open: accepting applications in its window; closed: the pipeline has started
             * @enum {string}
             */
            status: "open" | "closed";
            version: number;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            updatedAt: string;
        };
        RoundInput: {
            name: string;
            year: number;
            /** @description Total programme funding for the round, yuan */
            budget: number;
            /** @description Most any one alliance may be awarded, yuan */
            perAllianceCap: number;
            /**
             * @description A3: the enterprises' own share of an alliance's total budget, at least (percent)
             * @default 50
             */
            enterpriseContributionMinPercent: number;
            applicationWindow: {
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                opensAt: string;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                closesAt: string;
            };
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            reviewDeadline: string;
            /** @default 3 */
            reviewersPerAlliance: number;
            rubric: {
                id: string;
                name: string;
                description?: string;
                /** @description Weight in percent; the weights sum to 100 */
                weight: number;
                /** @description Highest score a reviewer may give */
                max: number;
            }[];
            /** @default 7 */
            noticePeriodDays: number;
            /** @default [] */
            prioritySectors: {
                id: string;
                name: string;
                /** @description Points added to the score of an alliance in this sector */
                bonus: number;
            }[];
            /**
             * @description §3.3 preferences: several enterprises and several societies; more than one sector
             * @default {
             *       "multipleEnterprisesAndSocieties": 0,
             *       "crossSector": 0
             *     }
             */
            bonuses: {
                /** @default 0 */
                multipleEnterprisesAndSocieties: number;
                /** @default 0 */
                crossSector: number;
            };
            /**
             * @default rank-order
             * @enum {string}
             */
            selectionPolicy: "rank-order" | "max-merit";
        };
        RoundUpdate: {
            name: string;
            year: number;
            /** @description Total programme funding for the round, yuan */
            budget: number;
            /** @description Most any one alliance may be awarded, yuan */
            perAllianceCap: number;
            /**
             * @description A3: the enterprises' own share of an alliance's total budget, at least (percent)
             * @default 50
             */
            enterpriseContributionMinPercent: number;
            applicationWindow: {
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                opensAt: string;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                closesAt: string;
            };
            /**
             * Format: date-time
             * @description An ISO 8601 instant
             */
            reviewDeadline: string;
            /** @default 3 */
            reviewersPerAlliance: number;
            rubric: {
                id: string;
                name: string;
                description?: string;
                /** @description Weight in percent; the weights sum to 100 */
                weight: number;
                /** @description Highest score a reviewer may give */
                max: number;
            }[];
            /** @default 7 */
            noticePeriodDays: number;
            /** @default [] */
            prioritySectors: {
                id: string;
                name: string;
                /** @description Points added to the score of an alliance in this sector */
                bonus: number;
            }[];
            /**
             * @description §3.3 preferences: several enterprises and several societies; more than one sector
             * @default {
             *       "multipleEnterprisesAndSocieties": 0,
             *       "crossSector": 0
             *     }
             */
            bonuses: {
                /** @default 0 */
                multipleEnterprisesAndSocieties: number;
                /** @default 0 */
                crossSector: number;
            };
            /**
             * @default rank-order
             * @enum {string}
             */
            selectionPolicy: "rank-order" | "max-merit";
            /** @description The version this change is based on; 409 when it is no longer current */
            version: number;
        };
        RuleResult: {
            /** @description Rule id, e.g. E3 */
            id: string;
            /** @description Clause of the programme plan, e.g. §3.1.2 */
            clause: string;
            subject: {
                /** @enum {string} */
                kind: "enterprise" | "society" | "alliance";
                /** @description An opaque identifier */
                organisationId?: string;
                name?: string;
            };
            passed: boolean;
            /** @description The values the rule looked at */
            values: {
                [key: string]: unknown;
            };
            message: {
                en: string;
                zh: string;
            };
        };
        ScreeningDecision: {
            /** @enum {string} */
            outcome: "pass" | "reject";
            reason: string;
        };
        ScreeningRecord: {
            /** @description An opaque identifier */
            allianceId: string;
            name: string;
            findings: components["schemas"]["EligibilityReport"];
            decision?: {
                /** @enum {string} */
                outcome: "pass" | "reject";
                reason: string;
                by: string;
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                at: string;
            };
        };
        SelectionApproval: {
            /** @default [] */
            adjustments: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @enum {string} */
                action: "include" | "exclude";
                reason: string;
            }[];
            note?: string;
        };
        Submit: {
            /** @description The version this change is based on; 409 when it is no longer current */
            version: number;
        };
        SupplementDecision: {
            /**
             * @description fill: add the proposed alliances (递补); decline: keep the money unspent
             * @enum {string}
             */
            decision: "fill" | "decline";
            /** @description Why (kept in the audit trail) */
            reason: string;
        };
        SupplementProposal: {
            /** @description An opaque identifier */
            roundId: string;
            /** @description The pipeline waits for a fill-or-decline decision */
            awaitingDecision: boolean;
            /** @description The dropped alliances whose freed money is at stake */
            covers: string[];
            freed: number;
            /** @description The budget not committed to alliances still selected */
            available: number;
            additions: {
                /** @description An opaque identifier */
                allianceId: string;
                rank: number;
                award: number;
                requested: number;
            }[];
            /** @description The left-out alliances under the policy, with reasons */
            rows: {
                [key: string]: unknown;
            }[];
            summary: {
                en: string;
                zh: string;
            };
            /** @description Earlier 递补 decisions */
            decisions: {
                [key: string]: unknown;
            }[];
        };
        SupplementResult: {
            /** @description An opaque identifier */
            roundId: string;
            /** @enum {string} */
            decision: "fill" | "decline";
            additions: {
                /** @description An opaque identifier */
                allianceId: string;
                rank: number;
                award: number;
                requested: number;
            }[];
            /**
             * Format: date-time
             * @description End of the supplementary notice period
             */
            noticeEndsAt?: string;
        };
        UploadRequest: {
            /** @enum {string} */
            kind: "agreement" | "report" | "receipt";
            fileName?: string;
            /**
             * @default application/pdf
             * @constant
             */
            contentType: "application/pdf";
            /** @description Declared size in bytes (checked against the limit now and again on upload) */
            size?: number;
        };
        UploadTicket: {
            document: components["schemas"]["Document"];
            upload: {
                /** @constant */
                method: "POST";
                /** @description POST a multipart/form-data form here */
                url: string;
                /** @description Form fields to send before the file field "file" */
                fields: {
                    [key: string]: string;
                };
                /**
                 * Format: date-time
                 * @description An ISO 8601 instant
                 */
                expiresAt: string;
            };
        };
        Withdraw: {
            /** @description The version this change is based on; 409 when it is no longer current */
            version: number;
            reason: string;
        };
    };
    responses: never;
    parameters: {
        /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage and this public route ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage and this public route ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description See body */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage and this public route ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRounds: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Round"][];
                        /** @description Pass as ?cursor= for the next page */
                        nextCursor?: string;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage and this public route ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createRound: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRound: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage and this public route ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateRound: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Round"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeRound: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseRound"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An opaque identifier */
                        roundId: string;
                        alreadyStarted: boolean;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRoundPipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineStatus"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryRoundPipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetryPipeline"];
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetryResult"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRoundHistory: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntry"][];
                        /** @description Pass as ?cursor= for the next page */
                        nextCursor?: string;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyPreferences: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putMyPreferences: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    lookupOrganisation: {
        parameters: {
            query: {
                /** @description Unified Social Credit Code (统一社会信用代码), 18 characters, GB 32100-2015 */
                uscc: string;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationSummary"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOrganisationEligibility: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: components["schemas"]["RuleResult"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNeeds: {
        parameters: {
            query?: {
                /** @description open (default); other statuses: admins only */
                status?: "open" | "matched" | "closed";
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Need"][];
                        /** @description Pass as ?cursor= for the next page */
                        nextCursor?: string;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createNeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NeedInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Need"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                needId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Need"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateNeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                needId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NeedPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Need"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNeedMatches: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                needId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Match"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInterests: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                needId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Interest"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    expressInterest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                needId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InterestInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interest"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acceptInterest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                needId: string;
                /** @description An opaque identifier */
                interestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInterest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        interest: components["schemas"]["Interest"];
                        alliance: components["schemas"]["Alliance"];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    declineInterest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                needId: string;
                /** @description An opaque identifier */
                interestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Interest"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCapabilities: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Capability"][];
                    };
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putCapability: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CapabilityInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Capability"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCapability: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Capability"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCapabilityMatches: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Match"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAgreementDocx: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAlliances: {
        parameters: {
            query?: {
                /** @description Admins: the alliances of one round */
                roundId?: string;
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AllianceSummary"][];
                        /** @description Pass as ?cursor= for the next page */
                        nextCursor?: string;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAlliance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AllianceCreate"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alliance"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAlliance: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alliance"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateAlliance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AllianceUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alliance"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    inviteMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Invite"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alliance"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmMembership: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @description An opaque identifier */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alliance"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    declineMembership: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @description An opaque identifier */
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alliance"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAllianceEligibility: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibilityReport"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitAlliance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Submit"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alliance"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: rule_violation, idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawAlliance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Withdraw"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Alliance"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDocuments: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Document"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadRequest"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadTicket"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reverifyDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @description An opaque identifier */
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reverification"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAward: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAllianceHistory: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntry"][];
                        /** @description Pass as ?cursor= for the next page */
                        nextCursor?: string;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listScreening: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        gate: string;
                        /** @description Alliances of the round with a decision */
                        decided: number;
                        /** @description Screened alliances of the round */
                        total: number;
                        passed: number;
                        rejected: number;
                        items: components["schemas"]["ScreeningRecord"][];
                        /** @description Pass as ?cursor= for the next page */
                        nextCursor?: string;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    decideScreening: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScreeningDecision"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An opaque identifier */
                        allianceId: string;
                        outcome: string;
                        pending: number;
                        screeningComplete: boolean;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    completeScreening: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An opaque identifier */
                        roundId: string;
                        screeningComplete: boolean;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    registerReviewer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
                /** @description An opaque identifier */
                reviewerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewerInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Reviewer"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReviewers: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Reviewer"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAssignments: {
        parameters: {
            query?: {
                /** @description true: a dry run with the current reviewers */
                preview?: "true" | "false";
                /** @description Seed of the dry run (default: the round id) */
                seed?: string;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeReviews: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseReviews"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An opaque identifier */
                        roundId: string;
                        closed: boolean;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    myAssignments: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    readAssignment: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getAssignedDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
                /** @description An opaque identifier */
                allianceId: string;
                /** @description An opaque identifier */
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewerDocumentLink"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    declareConflict: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConflictDeclaration"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An opaque identifier */
                        allianceId: string;
                        replacedBy: string[];
                        shortfall: boolean;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRanking: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RankingPage"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    approveSelection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SelectionApproval"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An opaque identifier */
                        roundId: string;
                        funded: number;
                        totalAwarded: number;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: rule_violation, idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listObjections: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Objection"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    dismissObjections: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionDismissal"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionDismissalResult"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resolveObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
                /** @description An opaque identifier */
                objectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionResolution"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Objection"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    previewSupplement: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplementProposal"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    decideSupplement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplementDecision"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplementResult"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNotice: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage and this public route ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getNoticePage: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage and this public route ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    fileObjection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                roundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ObjectionInput"];
                "application/x-www-form-urlencoded": components["schemas"]["ObjectionInput"];
            };
        };
        responses: {
            /** @description Success (JSON; an HTML receipt page when the body was a form post) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectionFiled"];
                    "text/html": string;
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description Body too large (limit 16384 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage and this public route ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                    "text/html": string;
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "text/html": string;
                };
            };
        };
    };
    getPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanUpdate"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPlanVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeAlliance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseAlliance"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allianceId: string;
                        status: string;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLedger: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ledger"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportLedgerCsv: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordExpense: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExpenseInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerEntry"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 16384 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reverseEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @description A ledger entry id */
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReversalInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerEntry"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 16384 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resolveEntryFlag: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @description A ledger entry id */
                entryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlagResolutionInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerEntry"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 16384 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reallocateLedger: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReallocationInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReallocationResult"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 16384 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReports: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Report"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @description A report's id: its deadline's due date and kind, e.g. 2028-01-01_annual-report */
                reportId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportSubmission"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: rule_violation, idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    acceptReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @description A report's id: its deadline's due date and kind, e.g. 2028-01-01_annual-report */
                reportId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportAccept"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    returnReport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
                /** @description A report's id: its deadline's due date and kind, e.g. 2028-01-01_annual-report */
                reportId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportReturn"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: version_conflict, conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description Opaque cursor from a previous page */
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Notification"][];
                        /** @description Pass as ?cursor= for the next page */
                        nextCursor?: string;
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    registerInspector: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                inspectorId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectorInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspector"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInspectors: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Inspector"][];
                    };
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    drawInspections: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DrawRequest"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionDraw"];
                };
            };
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionDraw"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInspectionDraw: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                drawId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionDraw"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInspections: {
        parameters: {
            query?: {
                status?: "planned" | "unassigned" | "completed";
            };
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Inspection"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getInspection: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                inspectionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordFindings: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                inspectionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FindingsInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed, malformed_json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running. Codes: conflict, idempotency_in_progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large (limit 262144 bytes). Codes: payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body is not JSON (Content-Type: application/json). Codes: unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body. Codes: idempotency_key_reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A dependency is unavailable (retry later). Codes: unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAllianceInspections: {
        parameters: {
            query?: never;
            header?: {
                /** @description zh or en: the language of error messages */
                "Accept-Language"?: string;
            };
            path: {
                /** @description An opaque identifier */
                allianceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Inspection"][];
                    };
                };
            };
            /** @description Invalid request: the failing fields are in error.details (path, code, message). Codes: validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}. Codes: Unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayMessage"];
                };
            };
            /** @description The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed). Codes: forbidden, origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found: error.message names what. Codes: not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"}). Codes: too_many_requests */
            429: {
                headers: {
                    /** @description Seconds to wait (from the WAF, and where a limit says when it lifts) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["GatewayMessage"];
                };
            };
            /** @description Internal error (logged with the request id). Codes: internal */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
