-- The snapshot contract (DESIGN §2). Analysts query these tables directly: keep them stable and
-- record any change in docs/schema.md with a new schema_version.

CREATE TYPE overall_status_t AS ENUM ('RECRUITING', 'NOT_YET_RECRUITING',
    'ENROLLING_BY_INVITATION', 'ACTIVE_NOT_RECRUITING', 'COMPLETED', 'SUSPENDED', 'TERMINATED',
    'WITHDRAWN', 'UNKNOWN', 'AVAILABLE', 'NO_LONGER_AVAILABLE', 'TEMPORARILY_NOT_AVAILABLE',
    'APPROVED_FOR_MARKETING', 'WITHHELD');
CREATE TYPE phase_t AS ENUM ('EARLY_PHASE1', 'PHASE1', 'PHASE1_PHASE2', 'PHASE2',
    'PHASE2_PHASE3', 'PHASE3', 'PHASE4', 'NA');
CREATE TYPE study_type_t AS ENUM ('INTERVENTIONAL', 'OBSERVATIONAL', 'EXPANDED_ACCESS');
CREATE TYPE sponsor_class_t AS ENUM ('INDUSTRY', 'OTHER', 'NIH', 'FED', 'OTHER_GOV', 'NETWORK',
    'INDIV', 'AMBIG', 'UNKNOWN');
CREATE TYPE date_precision_t AS ENUM ('day', 'month', 'year');

CREATE TABLE studies (
    nct_id VARCHAR PRIMARY KEY,
    brief_title VARCHAR,
    official_title VARCHAR,
    acronym VARCHAR,
    overall_status overall_status_t,
    last_known_status overall_status_t,
    study_type study_type_t,
    phase phase_t,
    enrollment BIGINT,
    enrollment_type VARCHAR,
    start_date DATE,
    start_date_precision date_precision_t,
    start_date_type VARCHAR,
    primary_completion_date DATE,
    primary_completion_date_precision date_precision_t,
    primary_completion_date_type VARCHAR,
    completion_date DATE,
    completion_date_precision date_precision_t,
    completion_date_type VARCHAR,
    first_posted DATE,
    first_posted_precision date_precision_t,
    last_update_posted DATE,
    last_update_posted_precision date_precision_t,
    results_first_posted DATE,
    has_results BOOLEAN,
    why_stopped VARCHAR,
    lead_sponsor VARCHAR,
    lead_sponsor_class sponsor_class_t,
    primary_purpose VARCHAR,
    allocation VARCHAR,
    brief_summary VARCHAR,
    areas VARCHAR[],            -- therapeutic area ids (data/therapeutic_areas.toml)
    registry_status VARCHAR,    -- overallStatus as the registry gives it (overall_status may
                                -- say UNKNOWN where a recruiting-type status went unverified)
    status_verified_date DATE,
    status_verified_date_precision date_precision_t,
    registry_phases VARCHAR[],  -- the registry's phase list (phase keeps one normalised value)
    lead_sponsor_class_inferred BOOLEAN  -- true: the record gave no class; read from the name
);

CREATE TABLE conditions (nct_id VARCHAR NOT NULL, condition VARCHAR NOT NULL);
CREATE TABLE keywords (nct_id VARCHAR NOT NULL, keyword VARCHAR NOT NULL);
CREATE TABLE condition_mesh (nct_id VARCHAR NOT NULL, mesh_id VARCHAR, term VARCHAR NOT NULL,
                             is_ancestor BOOLEAN NOT NULL);
CREATE TABLE intervention_mesh (nct_id VARCHAR NOT NULL, mesh_id VARCHAR, term VARCHAR NOT NULL,
                                is_ancestor BOOLEAN NOT NULL);
CREATE TABLE interventions (nct_id VARCHAR NOT NULL, idx INTEGER NOT NULL, type VARCHAR,
                            name VARCHAR NOT NULL, other_names VARCHAR[], description VARCHAR,
                            arm_group_labels VARCHAR[]);
CREATE TABLE arm_groups (nct_id VARCHAR NOT NULL, label VARCHAR NOT NULL, type VARCHAR,
                         description VARCHAR, intervention_names VARCHAR[]);
CREATE TABLE sponsors (nct_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
                       class sponsor_class_t, role VARCHAR NOT NULL, class_inferred BOOLEAN);
CREATE TABLE locations (nct_id VARCHAR NOT NULL, facility VARCHAR, city VARCHAR, state VARCHAR,
                        country VARCHAR, country_raw VARCHAR, lat DOUBLE, lon DOUBLE,
                        status VARCHAR);
CREATE TABLE study_modalities (nct_id VARCHAR NOT NULL, modality VARCHAR NOT NULL,
                               submodality VARCHAR, is_primary BOOLEAN NOT NULL,
                               rule VARCHAR NOT NULL, evidence VARCHAR);
CREATE TABLE snapshot_info (key VARCHAR PRIMARY KEY, value VARCHAR);
-- What changed between refreshes (issue 3 fills it; kept across refreshes).
CREATE TABLE changes (nct_id VARCHAR NOT NULL, change VARCHAR NOT NULL, changed_on DATE,
                      detected_at TIMESTAMP NOT NULL, old_value VARCHAR, new_value VARCHAR);
