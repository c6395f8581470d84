--
-- PostgreSQL database dump
--

\restrict nHZWlmiIMTX6A338k8FkOCs8XO2dX6kNJtHhNqpCx5d8HUkaPCYOH1kikE07I2W

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: agdc; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA agdc;


--
-- Name: float8range; Type: TYPE; Schema: agdc; Owner: -
--

CREATE TYPE agdc.float8range AS RANGE (
    subtype = double precision,
    multirange_type_name = agdc.float8multirange,
    subtype_diff = float8mi
);


--
-- Name: common_timestamp(text); Type: FUNCTION; Schema: agdc; Owner: -
--

CREATE FUNCTION agdc.common_timestamp(text) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$
    select ($1)::timestamp at time zone 'utc';
    $_$;


--
-- Name: set_row_update_time(); Type: FUNCTION; Schema: agdc; Owner: -
--

CREATE FUNCTION agdc.set_row_update_time() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
  new.updated = now();
  return new;
end;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: dataset; Type: TABLE; Schema: agdc; Owner: -
--

CREATE TABLE agdc.dataset (
    id uuid NOT NULL,
    metadata_type_ref smallint NOT NULL,
    dataset_type_ref smallint NOT NULL,
    metadata jsonb NOT NULL,
    archived timestamp with time zone,
    added timestamp with time zone DEFAULT now() NOT NULL,
    added_by name DEFAULT CURRENT_USER NOT NULL,
    updated timestamp with time zone
);


--
-- Name: dataset_location; Type: TABLE; Schema: agdc; Owner: -
--

CREATE TABLE agdc.dataset_location (
    id integer NOT NULL,
    dataset_ref uuid NOT NULL,
    uri_scheme character varying NOT NULL,
    uri_body character varying NOT NULL,
    added timestamp with time zone DEFAULT now() NOT NULL,
    added_by name DEFAULT CURRENT_USER NOT NULL,
    archived timestamp with time zone
);


--
-- Name: dataset_location_id_seq; Type: SEQUENCE; Schema: agdc; Owner: -
--

CREATE SEQUENCE agdc.dataset_location_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: dataset_location_id_seq; Type: SEQUENCE OWNED BY; Schema: agdc; Owner: -
--

ALTER SEQUENCE agdc.dataset_location_id_seq OWNED BY agdc.dataset_location.id;


--
-- Name: dataset_source; Type: TABLE; Schema: agdc; Owner: -
--

CREATE TABLE agdc.dataset_source (
    dataset_ref uuid NOT NULL,
    classifier character varying NOT NULL,
    source_dataset_ref uuid NOT NULL
);


--
-- Name: dataset_type; Type: TABLE; Schema: agdc; Owner: -
--

CREATE TABLE agdc.dataset_type (
    id smallint NOT NULL,
    name character varying NOT NULL,
    metadata jsonb NOT NULL,
    metadata_type_ref smallint NOT NULL,
    definition jsonb NOT NULL,
    added timestamp with time zone DEFAULT now() NOT NULL,
    added_by name DEFAULT CURRENT_USER NOT NULL,
    updated timestamp with time zone,
    CONSTRAINT ck_dataset_type_alphanumeric_name CHECK (((name)::text ~* '^\w+$'::text))
);


--
-- Name: dataset_type_id_seq; Type: SEQUENCE; Schema: agdc; Owner: -
--

CREATE SEQUENCE agdc.dataset_type_id_seq
    AS smallint
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: dataset_type_id_seq; Type: SEQUENCE OWNED BY; Schema: agdc; Owner: -
--

ALTER SEQUENCE agdc.dataset_type_id_seq OWNED BY agdc.dataset_type.id;


--
-- Name: metadata_type; Type: TABLE; Schema: agdc; Owner: -
--

CREATE TABLE agdc.metadata_type (
    id smallint NOT NULL,
    name character varying NOT NULL,
    definition jsonb NOT NULL,
    added timestamp with time zone DEFAULT now() NOT NULL,
    added_by name DEFAULT CURRENT_USER NOT NULL,
    updated timestamp with time zone,
    CONSTRAINT ck_metadata_type_alphanumeric_name CHECK (((name)::text ~* '^\w+$'::text))
);


--
-- Name: dv_ard_scene_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_ard_scene_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{properties,odc:processing_datetime}'::text[])) AS creation_time,
    (dataset.metadata #>> '{properties,odc:file_format}'::text[]) AS format,
    (dataset.metadata #>> '{label}'::text[]) AS label,
    agdc.float8range(((dataset.metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text) AS lat,
    agdc.float8range(((dataset.metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text) AS lon,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), '[]'::text) AS "time",
    (dataset.metadata #>> '{properties,eo:platform}'::text[]) AS platform,
    ((dataset.metadata #>> '{properties,landsat:wrs_path}'::text[]))::integer AS wrs_path,
    agdc.float8range(((dataset.metadata #>> '{properties,eo:gsd}'::text[]))::double precision, GREATEST(((dataset.metadata #>> '{properties,landsat:thermal_gsd}'::text[]))::double precision, ((dataset.metadata #>> '{properties,eo:gsd}'::text[]))::double precision), '[]'::text) AS gsd_range,
    agdc.common_timestamp((dataset.metadata #>> '{properties,odc:processing_datetime}'::text[])) AS processed,
    ((dataset.metadata #>> '{properties,eo:cloud_cover}'::text[]))::double precision AS cloud_cover,
    (dataset.metadata #>> '{properties,odc:region_code}'::text[]) AS region_code,
    ((dataset.metadata #>> '{properties,eo:sun_elevation}'::text[]))::double precision AS sun_elevation,
    (dataset.metadata #>> '{properties,dea:dataset_maturity}'::text[]) AS dataset_maturity
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.dataset_type_ref = 2));


--
-- Name: dv_empty_product_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_empty_product_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{properties,odc:processing_datetime}'::text[])) AS creation_time,
    (dataset.metadata #>> '{properties,odc:file_format}'::text[]) AS format,
    (dataset.metadata #>> '{label}'::text[]) AS label,
    agdc.float8range(((dataset.metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text) AS lat,
    agdc.float8range(((dataset.metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text) AS lon,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), '[]'::text) AS "time",
    (dataset.metadata #>> '{properties,eo:platform}'::text[]) AS platform,
    (dataset.metadata #>> '{properties,eo:instrument}'::text[]) AS instrument,
    ((dataset.metadata #>> '{properties,eo:cloud_cover}'::text[]))::double precision AS cloud_cover,
    (dataset.metadata #>> '{properties,odc:region_code}'::text[]) AS region_code,
    (dataset.metadata #>> '{properties,odc:product_family}'::text[]) AS product_family,
    (dataset.metadata #>> '{properties,dea:dataset_maturity}'::text[]) AS dataset_maturity
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.dataset_type_ref = 5));


--
-- Name: dv_eo3_ard_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_eo3_ard_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{properties,odc:processing_datetime}'::text[])) AS creation_time,
    (dataset.metadata #>> '{properties,odc:file_format}'::text[]) AS format,
    (dataset.metadata #>> '{label}'::text[]) AS label,
    (dataset.metadata #>> '{properties,eo:platform}'::text[]) AS platform,
    (dataset.metadata #>> '{properties,odc:region_code}'::text[]) AS region_code,
    (dataset.metadata #>> '{properties,dea:dataset_maturity}'::text[]) AS dataset_maturity,
    ((dataset.metadata #>> '{properties,eo:cloud_cover}'::text[]))::double precision AS cloud_cover,
    ((dataset.metadata #>> '{properties,eo:sun_elevation}'::text[]))::double precision AS sun_elevation,
    ((dataset.metadata #>> '{properties,landsat:wrs_path}'::text[]))::integer AS wrs_path,
    agdc.common_timestamp((dataset.metadata #>> '{properties,odc:processing_datetime}'::text[])) AS processed,
    agdc.float8range(((dataset.metadata #>> '{properties,eo:gsd}'::text[]))::double precision, GREATEST(((dataset.metadata #>> '{properties,landsat:thermal_gsd}'::text[]))::double precision, ((dataset.metadata #>> '{properties,eo:gsd}'::text[]))::double precision), '[]'::text) AS gsd_range,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), '[]'::text) AS "time",
    agdc.float8range(((dataset.metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text) AS lon,
    agdc.float8range(((dataset.metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text) AS lat
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.metadata_type_ref = 4));


--
-- Name: dv_eo3_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_eo3_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{properties,odc:processing_datetime}'::text[])) AS creation_time,
    (dataset.metadata #>> '{properties,odc:file_format}'::text[]) AS format,
    (dataset.metadata #>> '{label}'::text[]) AS label,
    (dataset.metadata #>> '{properties,eo:platform}'::text[]) AS platform,
    (dataset.metadata #>> '{properties,eo:instrument}'::text[]) AS instrument,
    (dataset.metadata #>> '{properties,odc:product_family}'::text[]) AS product_family,
    (dataset.metadata #>> '{properties,odc:region_code}'::text[]) AS region_code,
    (dataset.metadata #>> '{properties,dea:dataset_maturity}'::text[]) AS dataset_maturity,
    ((dataset.metadata #>> '{properties,eo:cloud_cover}'::text[]))::double precision AS cloud_cover,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), '[]'::text) AS "time",
    agdc.float8range(((dataset.metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text) AS lon,
    agdc.float8range(((dataset.metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text) AS lat
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.metadata_type_ref = 1));


--
-- Name: dv_eo_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_eo_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{creation_dt}'::text[])) AS creation_time,
    (dataset.metadata #>> '{format,name}'::text[]) AS format,
    (dataset.metadata #>> '{ga_label}'::text[]) AS label,
    (dataset.metadata #>> '{platform,code}'::text[]) AS platform,
    (dataset.metadata #>> '{instrument,name}'::text[]) AS instrument,
    (dataset.metadata #>> '{product_type}'::text[]) AS product_type,
    agdc.float8range(LEAST(((dataset.metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), GREATEST(((dataset.metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), '[]'::text) AS lat,
    agdc.float8range(LEAST(((dataset.metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), GREATEST(((dataset.metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), '[]'::text) AS lon,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{extent,from_dt}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{extent,center_dt}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{extent,to_dt}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{extent,center_dt}'::text[]))), '[]'::text) AS "time"
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.metadata_type_ref = 2));


--
-- Name: dv_ls5_level1_scene_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_ls5_level1_scene_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{creation_dt}'::text[])) AS creation_time,
    (dataset.metadata #>> '{format,name}'::text[]) AS format,
    (dataset.metadata #>> '{ga_label}'::text[]) AS label,
    agdc.float8range(LEAST(((dataset.metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), GREATEST(((dataset.metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), '[]'::text) AS lat,
    agdc.float8range(LEAST(((dataset.metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), GREATEST(((dataset.metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), '[]'::text) AS lon,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{extent,from_dt}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{extent,center_dt}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{extent,to_dt}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{extent,center_dt}'::text[]))), '[]'::text) AS "time",
    (dataset.metadata #>> '{platform,code}'::text[]) AS platform,
    (dataset.metadata #>> '{instrument,name}'::text[]) AS instrument,
    (dataset.metadata #>> '{product_type}'::text[]) AS product_type
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.dataset_type_ref = 6));


--
-- Name: dv_ls5_nbar_scene_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_ls5_nbar_scene_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{creation_dt}'::text[])) AS creation_time,
    (dataset.metadata #>> '{format,name}'::text[]) AS format,
    (dataset.metadata #>> '{ga_label}'::text[]) AS label,
    agdc.float8range(LEAST(((dataset.metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), GREATEST(((dataset.metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), '[]'::text) AS lat,
    agdc.float8range(LEAST(((dataset.metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), GREATEST(((dataset.metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((dataset.metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), '[]'::text) AS lon,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{extent,from_dt}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{extent,center_dt}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{extent,to_dt}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{extent,center_dt}'::text[]))), '[]'::text) AS "time",
    (dataset.metadata #>> '{platform,code}'::text[]) AS platform,
    (dataset.metadata #>> '{instrument,name}'::text[]) AS instrument,
    (dataset.metadata #>> '{product_type}'::text[]) AS product_type
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.dataset_type_ref = 7));


--
-- Name: dv_lvl1_scene_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_lvl1_scene_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{properties,odc:processing_datetime}'::text[])) AS creation_time,
    (dataset.metadata #>> '{properties,odc:file_format}'::text[]) AS format,
    (dataset.metadata #>> '{label}'::text[]) AS label,
    agdc.float8range(((dataset.metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text) AS lat,
    agdc.float8range(((dataset.metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text) AS lon,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), '[]'::text) AS "time",
    (dataset.metadata #>> '{properties,eo:platform}'::text[]) AS platform,
    (dataset.metadata #>> '{properties,eo:instrument}'::text[]) AS instrument,
    ((dataset.metadata #>> '{properties,eo:cloud_cover}'::text[]))::double precision AS cloud_cover,
    (dataset.metadata #>> '{properties,odc:region_code}'::text[]) AS region_code,
    (dataset.metadata #>> '{properties,odc:product_family}'::text[]) AS product_family,
    (dataset.metadata #>> '{properties,dea:dataset_maturity}'::text[]) AS dataset_maturity
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.dataset_type_ref = 1));


--
-- Name: dv_s2_tiles_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_s2_tiles_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{properties,odc:processing_datetime}'::text[])) AS creation_time,
    (dataset.metadata #>> '{properties,odc:file_format}'::text[]) AS format,
    (dataset.metadata #>> '{label}'::text[]) AS label,
    agdc.float8range(((dataset.metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text) AS lat,
    agdc.float8range(((dataset.metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text) AS lon,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), '[]'::text) AS "time",
    (dataset.metadata #>> '{properties,eo:platform}'::text[]) AS platform,
    (dataset.metadata #>> '{properties,eo:instrument}'::text[]) AS instrument,
    ((dataset.metadata #>> '{properties,eo:cloud_cover}'::text[]))::double precision AS cloud_cover,
    (dataset.metadata #>> '{properties,odc:region_code}'::text[]) AS region_code,
    (dataset.metadata #>> '{properties,odc:product_family}'::text[]) AS product_family,
    (dataset.metadata #>> '{properties,dea:dataset_maturity}'::text[]) AS dataset_maturity
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.dataset_type_ref = 3));


--
-- Name: dv_telemetry_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_telemetry_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{creation_dt}'::text[])) AS creation_time,
    (dataset.metadata #>> '{format,name}'::text[]) AS format,
    (dataset.metadata #>> '{ga_label}'::text[]) AS label,
    (dataset.metadata #>> '{platform,code}'::text[]) AS platform,
    (dataset.metadata #>> '{instrument,name}'::text[]) AS instrument,
    (dataset.metadata #>> '{product_type}'::text[]) AS product_type,
    tstzrange(agdc.common_timestamp((dataset.metadata #>> '{acquisition,aos}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{acquisition,los}'::text[])), '[]'::text) AS "time",
    (dataset.metadata #>> '{acquisition,groundstation,code}'::text[]) AS gsi,
    ((dataset.metadata #>> '{acquisition,platform_orbit}'::text[]))::integer AS orbit,
    numrange((((dataset.metadata #>> '{image,satellite_ref_point_start,x}'::text[]))::integer)::numeric, (GREATEST(((dataset.metadata #>> '{image,satellite_ref_point_end,x}'::text[]))::integer, ((dataset.metadata #>> '{image,satellite_ref_point_start,x}'::text[]))::integer))::numeric, '[]'::text) AS sat_path,
    numrange((((dataset.metadata #>> '{image,satellite_ref_point_start,y}'::text[]))::integer)::numeric, (GREATEST(((dataset.metadata #>> '{image,satellite_ref_point_end,y}'::text[]))::integer, ((dataset.metadata #>> '{image,satellite_ref_point_start,y}'::text[]))::integer))::numeric, '[]'::text) AS sat_row
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.metadata_type_ref = 3));


--
-- Name: dv_wofs_nan_dataset; Type: VIEW; Schema: agdc; Owner: -
--

CREATE VIEW agdc.dv_wofs_nan_dataset AS
 SELECT dataset.id,
    dataset.added AS indexed_time,
    dataset.added_by AS indexed_by,
    dataset_type.name AS product,
    dataset.dataset_type_ref AS product_id,
    metadata_type.name AS metadata_type,
    dataset.metadata_type_ref AS metadata_type_id,
    dataset.metadata AS metadata_doc,
    agdc.common_timestamp((dataset.metadata #>> '{properties,odc:processing_datetime}'::text[])) AS creation_time,
    (dataset.metadata #>> '{properties,odc:file_format}'::text[]) AS format,
    (dataset.metadata #>> '{label}'::text[]) AS label,
    agdc.float8range(((dataset.metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text) AS lat,
    agdc.float8range(((dataset.metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((dataset.metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text) AS lon,
    tstzrange(LEAST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((dataset.metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((dataset.metadata #>> '{properties,datetime}'::text[]))), '[]'::text) AS "time",
    (dataset.metadata #>> '{properties,eo:platform}'::text[]) AS platform,
    (dataset.metadata #>> '{properties,eo:instrument}'::text[]) AS instrument,
    ((dataset.metadata #>> '{properties,eo:cloud_cover}'::text[]))::double precision AS cloud_cover,
    (dataset.metadata #>> '{properties,odc:region_code}'::text[]) AS region_code,
    (dataset.metadata #>> '{properties,odc:product_family}'::text[]) AS product_family,
    (dataset.metadata #>> '{properties,dea:dataset_maturity}'::text[]) AS dataset_maturity
   FROM ((agdc.dataset
     JOIN agdc.dataset_type ON ((dataset_type.id = dataset.dataset_type_ref)))
     JOIN agdc.metadata_type ON ((metadata_type.id = dataset_type.metadata_type_ref)))
  WHERE ((dataset.archived IS NULL) AND (dataset.dataset_type_ref = 4));


--
-- Name: metadata_type_id_seq; Type: SEQUENCE; Schema: agdc; Owner: -
--

CREATE SEQUENCE agdc.metadata_type_id_seq
    AS smallint
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: metadata_type_id_seq; Type: SEQUENCE OWNED BY; Schema: agdc; Owner: -
--

ALTER SEQUENCE agdc.metadata_type_id_seq OWNED BY agdc.metadata_type.id;


--
-- Name: dataset_location id; Type: DEFAULT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_location ALTER COLUMN id SET DEFAULT nextval('agdc.dataset_location_id_seq'::regclass);


--
-- Name: dataset_type id; Type: DEFAULT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_type ALTER COLUMN id SET DEFAULT nextval('agdc.dataset_type_id_seq'::regclass);


--
-- Name: metadata_type id; Type: DEFAULT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.metadata_type ALTER COLUMN id SET DEFAULT nextval('agdc.metadata_type_id_seq'::regclass);


--
-- Data for Name: dataset; Type: TABLE DATA; Schema: agdc; Owner: -
--

COPY agdc.dataset (id, metadata_type_ref, dataset_type_ref, metadata, archived, added, added_by, updated) FROM stdin;
4599b6fb-3163-5b12-bef0-f65e3408c938	1	1	{"id": "4599b6fb-3163-5b12-bef0-f65e3408c938", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6150000, 0, 0, 1]}}, "label": "lvl1_scene_l0", "extent": {"lat": {"end": -34.78258886784601, "begin": -35.60248579395247}, "lon": {"end": 148.5454061737082, "begin": 147.5465461712478}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 6060000], [640000, 6060000], [640000, 6150000], [550000, 6150000], [550000, 6060000]]]}, "properties": {"datetime": "2020-01-03T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "090080", "odc:processing_datetime": "2020-01-05T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 6060000], [640000, 6060000], [640000, 6150000], [550000, 6150000], [550000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 6060000.0}, "lr": {"x": 640000.0, "y": 6060000.0}, "ul": {"x": 550000.0, "y": 6150000.0}, "ur": {"x": 640000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l0_nir.tif"}, "red": {"path": "l0_red.tif"}}}	\N	2026-12-06 23:12:07.480832+00	postgres	\N
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	1	1	{"id": "d3eae2ce-f23b-5952-a7cf-6ed8b2733f40", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6150000, 0, 0, 1]}}, "label": "lvl1_scene_l1", "extent": {"lat": {"end": -34.77631034850929, "begin": -35.599654052461496}, "lon": {"end": 148.98673973632182, "begin": 147.9837387092908}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 6060000], [680000, 6060000], [680000, 6150000], [590000, 6150000], [590000, 6060000]]]}, "properties": {"datetime": "2020-02-04T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "091080", "odc:processing_datetime": "2020-02-06T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 6060000], [680000, 6060000], [680000, 6150000], [590000, 6150000], [590000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 6060000.0}, "lr": {"x": 680000.0, "y": 6060000.0}, "ul": {"x": 590000.0, "y": 6150000.0}, "ur": {"x": 680000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l1_nir.tif"}, "red": {"path": "l1_red.tif"}}}	\N	2026-12-06 23:12:07.536882+00	postgres	\N
287daf44-e7ff-51ce-a92e-645806e1f697	1	1	{"id": "287daf44-e7ff-51ce-a92e-645806e1f697", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6150000, 0, 0, 1]}}, "label": "lvl1_scene_l2", "extent": {"lat": {"end": -34.76846517147088, "begin": -35.59520502757288}, "lon": {"end": 149.4279151492908, "begin": 148.4208551566713}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 6060000], [720000, 6060000], [720000, 6150000], [630000, 6150000], [630000, 6060000]]]}, "properties": {"datetime": "2020-03-05T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "092080", "odc:processing_datetime": "2020-03-07T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 6060000], [720000, 6060000], [720000, 6150000], [630000, 6150000], [630000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 6060000.0}, "lr": {"x": 720000.0, "y": 6060000.0}, "ul": {"x": 630000.0, "y": 6150000.0}, "ur": {"x": 720000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l2_nir.tif"}, "red": {"path": "l2_red.tif"}}}	\N	2026-12-06 23:12:07.602926+00	postgres	\N
db55433d-246a-508d-b049-3386542af67c	1	1	{"id": "db55433d-246a-508d-b049-3386542af67c", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6150000, 0, 0, 1]}}, "label": "lvl1_scene_l3", "extent": {"lat": {"end": -34.75905531510897, "begin": -35.58913985808927}, "lon": {"end": 149.86889742823007, "begin": 148.85786174380553}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 6060000], [760000, 6060000], [760000, 6150000], [670000, 6150000], [670000, 6060000]]]}, "properties": {"datetime": "2020-04-06T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "093080", "odc:processing_datetime": "2020-04-08T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 6060000], [760000, 6060000], [760000, 6150000], [670000, 6150000], [670000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 6060000.0}, "lr": {"x": 760000.0, "y": 6060000.0}, "ul": {"x": 670000.0, "y": 6150000.0}, "ur": {"x": 760000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l3_nir.tif"}, "red": {"path": "l3_red.tif"}}}	\N	2026-12-06 23:12:07.640067+00	postgres	\N
42e7d855-a2fb-5555-87d0-cda59cb2297d	1	1	{"id": "42e7d855-a2fb-5555-87d0-cda59cb2297d", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6110000, 0, 0, 1]}}, "label": "lvl1_scene_l4", "extent": {"lat": {"end": -35.143159167822944, "begin": -35.96311976609776}, "lon": {"end": 148.55239929846846, "begin": 147.5489472174626}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 6020000], [640000, 6020000], [640000, 6110000], [550000, 6110000], [550000, 6020000]]]}, "properties": {"datetime": "2020-05-07T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "090081", "odc:processing_datetime": "2020-05-09T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 6020000], [640000, 6020000], [640000, 6110000], [550000, 6110000], [550000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 6020000.0}, "lr": {"x": 640000.0, "y": 6020000.0}, "ul": {"x": 550000.0, "y": 6110000.0}, "ur": {"x": 640000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l4_nir.tif"}, "red": {"path": "l4_red.tif"}}}	\N	2026-12-06 23:12:07.706927+00	postgres	\N
e5ea1102-342d-5214-a07e-ff67b58f7718	1	1	{"id": "e5ea1102-342d-5214-a07e-ff67b58f7718", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6110000, 0, 0, 1]}}, "label": "lvl1_scene_l5", "extent": {"lat": {"end": -35.13679645815477, "begin": -35.96025042964427}, "lon": {"end": 148.99572707605904, "begin": 147.98805980640353}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 6020000], [680000, 6020000], [680000, 6110000], [590000, 6110000], [590000, 6020000]]]}, "properties": {"datetime": "2020-06-08T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "091081", "odc:processing_datetime": "2020-06-10T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 6020000], [680000, 6020000], [680000, 6110000], [590000, 6110000], [590000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 6020000.0}, "lr": {"x": 680000.0, "y": 6020000.0}, "ul": {"x": 590000.0, "y": 6110000.0}, "ur": {"x": 680000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l5_nir.tif"}, "red": {"path": "l5_red.tif"}}}	\N	2026-12-06 23:12:07.7755+00	postgres	\N
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	1	1	{"id": "cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6110000, 0, 0, 1]}}, "label": "lvl1_scene_l6", "extent": {"lat": {"end": -35.12884610114642, "begin": -35.955742343705026}, "lon": {"end": 149.43889384325342, "begin": 148.4270949578338}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 6020000], [720000, 6020000], [720000, 6110000], [630000, 6110000], [630000, 6020000]]]}, "properties": {"datetime": "2020-07-09T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "092081", "odc:processing_datetime": "2020-07-11T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 6020000], [720000, 6020000], [720000, 6110000], [630000, 6110000], [630000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 6020000.0}, "lr": {"x": 720000.0, "y": 6020000.0}, "ul": {"x": 630000.0, "y": 6110000.0}, "ur": {"x": 720000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l6_nir.tif"}, "red": {"path": "l6_red.tif"}}}	\N	2026-12-06 23:12:07.845108+00	postgres	\N
158f270b-93a3-56aa-a5ee-2b192ef8cf76	1	1	{"id": "158f270b-93a3-56aa-a5ee-2b192ef8cf76", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6110000, 0, 0, 1]}}, "label": "lvl1_scene_l7", "extent": {"lat": {"end": -35.11931011371829, "begin": -35.94959666939361}, "lon": {"end": 149.881863985211, "begin": 148.86601830514053}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 6020000], [760000, 6020000], [760000, 6110000], [670000, 6110000], [670000, 6020000]]]}, "properties": {"datetime": "2020-08-10T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "093081", "odc:processing_datetime": "2020-08-12T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 6020000], [760000, 6020000], [760000, 6110000], [670000, 6110000], [670000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 6020000.0}, "lr": {"x": 760000.0, "y": 6020000.0}, "ul": {"x": 670000.0, "y": 6110000.0}, "ur": {"x": 760000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l7_nir.tif"}, "red": {"path": "l7_red.tif"}}}	\N	2026-12-06 23:12:07.900894+00	postgres	\N
d4f62221-a20b-51a1-b383-e299b9f263a8	1	1	{"id": "d4f62221-a20b-51a1-b383-e299b9f263a8", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6070000, 0, 0, 1]}}, "label": "lvl1_scene_l8", "extent": {"lat": {"end": -35.50370683057621, "begin": -36.32373186767896}, "lon": {"end": 148.55951774828557, "begin": 147.551391300279}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 5980000], [640000, 5980000], [640000, 6070000], [550000, 6070000], [550000, 5980000]]]}, "properties": {"datetime": "2020-09-11T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "090082", "odc:processing_datetime": "2020-09-13T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 5980000], [640000, 5980000], [640000, 6070000], [550000, 6070000], [550000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 5980000.0}, "lr": {"x": 640000.0, "y": 5980000.0}, "ul": {"x": 550000.0, "y": 6070000.0}, "ur": {"x": 640000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l8_nir.tif"}, "red": {"path": "l8_red.tif"}}}	\N	2026-12-06 23:12:07.952423+00	postgres	\N
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	1	1	{"id": "9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6070000, 0, 0, 1]}}, "label": "lvl1_scene_l9", "extent": {"lat": {"end": -35.497259198297954, "begin": -36.320824598624135}, "lon": {"end": 149.00487543969913, "begin": 147.99245834732812}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 5980000], [680000, 5980000], [680000, 6070000], [590000, 6070000], [590000, 5980000]]]}, "properties": {"datetime": "2020-10-12T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "091082", "odc:processing_datetime": "2020-10-14T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 5980000], [680000, 5980000], [680000, 6070000], [590000, 6070000], [590000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 5980000.0}, "lr": {"x": 680000.0, "y": 5980000.0}, "ul": {"x": 590000.0, "y": 6070000.0}, "ur": {"x": 680000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l9_nir.tif"}, "red": {"path": "l9_red.tif"}}}	\N	2026-12-06 23:12:08.023763+00	postgres	\N
d2d29ad2-8a07-510c-838b-b2083c6ec29a	1	1	{"id": "d2d29ad2-8a07-510c-838b-b2083c6ec29a", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6070000, 0, 0, 1]}}, "label": "lvl1_scene_l10", "extent": {"lat": {"end": -35.48920274721566, "begin": -36.31625692142841}, "lon": {"end": 149.45006917892505, "begin": 148.43344657221098}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 5980000], [720000, 5980000], [720000, 6070000], [630000, 6070000], [630000, 5980000]]]}, "properties": {"datetime": "2020-11-13T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "092082", "odc:processing_datetime": "2020-11-15T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 5980000], [720000, 5980000], [720000, 6070000], [630000, 6070000], [630000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 5980000.0}, "lr": {"x": 720000.0, "y": 5980000.0}, "ul": {"x": 630000.0, "y": 6070000.0}, "ur": {"x": 720000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l10_nir.tif"}, "red": {"path": "l10_red.tif"}}}	\N	2026-12-06 23:12:08.068218+00	postgres	\N
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	1	1	{"id": "d9c2d004-45c6-5757-bcf9-ecb1f5f0281a", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6070000, 0, 0, 1]}}, "label": "lvl1_scene_l11", "extent": {"lat": {"end": -35.47953953361833, "begin": -36.31003002000811}, "lon": {"end": 149.89506270287418, "begin": 148.87432099454588}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 5980000], [760000, 5980000], [760000, 6070000], [670000, 6070000], [670000, 5980000]]]}, "properties": {"datetime": "2020-12-14T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "093082", "odc:processing_datetime": "2020-12-16T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 5980000], [760000, 5980000], [760000, 6070000], [670000, 6070000], [670000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 5980000.0}, "lr": {"x": 760000.0, "y": 5980000.0}, "ul": {"x": 670000.0, "y": 6070000.0}, "ur": {"x": 760000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l11_nir.tif"}, "red": {"path": "l11_red.tif"}}}	\N	2026-12-06 23:12:08.111572+00	postgres	\N
628f5d15-bc63-52a2-86c6-67a6994a8b4c	1	1	{"id": "628f5d15-bc63-52a2-86c6-67a6994a8b4c", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6030000, 0, 0, 1]}}, "label": "lvl1_scene_l12", "extent": {"lat": {"end": -35.86423173712084, "begin": -36.68432200951839}, "lon": {"end": 148.56676381436486, "begin": 147.5538791894647}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 5940000], [640000, 5940000], [640000, 6030000], [550000, 6030000], [550000, 5940000]]]}, "properties": {"datetime": "2020-01-15T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "090083", "odc:processing_datetime": "2020-01-17T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 5940000], [640000, 5940000], [640000, 6030000], [550000, 6030000], [550000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 5940000.0}, "lr": {"x": 640000.0, "y": 5940000.0}, "ul": {"x": 550000.0, "y": 6030000.0}, "ur": {"x": 640000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l12_nir.tif"}, "red": {"path": "l12_red.tif"}}}	\N	2026-12-06 23:12:08.17042+00	postgres	\N
2f855e15-d365-5f65-9c05-ee93415e5c19	1	1	{"id": "2f855e15-d365-5f65-9c05-ee93415e5c19", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6030000, 0, 0, 1]}}, "label": "lvl1_scene_l13", "extent": {"lat": {"end": -35.85769843336268, "begin": -36.6813764625189}, "lon": {"end": 149.01418776948145, "begin": 147.99693571692586}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 5940000], [680000, 5940000], [680000, 6030000], [590000, 6030000], [590000, 5940000]]]}, "properties": {"datetime": "2020-02-16T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "091083", "odc:processing_datetime": "2020-02-18T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 5940000], [680000, 5940000], [680000, 6030000], [590000, 6030000], [590000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 5940000.0}, "lr": {"x": 680000.0, "y": 5940000.0}, "ul": {"x": 590000.0, "y": 6030000.0}, "ur": {"x": 680000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l13_nir.tif"}, "red": {"path": "l13_red.tif"}}}	\N	2026-12-06 23:12:08.200617+00	postgres	\N
edfa1048-f107-5623-936d-0025d8631c3a	1	1	{"id": "edfa1048-f107-5623-936d-0025d8631c3a", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6030000, 0, 0, 1]}}, "label": "lvl1_scene_l14", "extent": {"lat": {"end": -35.84953495340485, "begin": -36.67674865176615}, "lon": {"end": 149.46144474689135, "begin": 148.43991199852385}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 5940000], [720000, 5940000], [720000, 6030000], [630000, 6030000], [630000, 5940000]]]}, "properties": {"datetime": "2020-03-17T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "092083", "odc:processing_datetime": "2020-03-19T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 5940000], [720000, 5940000], [720000, 6030000], [630000, 6030000], [630000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 5940000.0}, "lr": {"x": 720000.0, "y": 5940000.0}, "ul": {"x": 630000.0, "y": 6030000.0}, "ur": {"x": 720000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l14_nir.tif"}, "red": {"path": "l14_red.tif"}}}	\N	2026-12-06 23:12:08.266711+00	postgres	\N
babe9a43-302c-5b4a-881e-96c320c11a7c	1	1	{"id": "babe9a43-302c-5b4a-881e-96c320c11a7c", "crs": "epsg:32760", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 790000, 0, -30, 8000000, 0, 0, 1]}}, "label": "lvl1_scene_antimeridian", "extent": {"lat": {"end": -18.055339258167795, "begin": -18.88175931948521}, "lon": {"end": 180.5887696377908, "begin": 179.75256522800734}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[790000, 7910000], [880000, 7910000], [880000, 8000000], [790000, 8000000], [790000, 7910000]]]}, "properties": {"datetime": "2020-06-15T10:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "antimeridian", "odc:processing_datetime": "2020-06-16T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[790000, 7910000], [880000, 7910000], [880000, 8000000], [790000, 8000000], [790000, 7910000]]]}, "geo_ref_points": {"ll": {"x": 790000.0, "y": 7910000.0}, "lr": {"x": 880000.0, "y": 7910000.0}, "ul": {"x": 790000.0, "y": 8000000.0}, "ur": {"x": 880000.0, "y": 8000000.0}}, "spatial_reference": "epsg:32760"}}, "measurements": {"nir": {"path": "antimeridian_nir.tif"}, "red": {"path": "antimeridian_red.tif"}}}	\N	2026-12-06 23:12:08.363844+00	postgres	\N
77a1b391-950f-5eae-a7c9-ad6b3a47f722	1	1	{"id": "77a1b391-950f-5eae-a7c9-ad6b3a47f722", "crs": "epsg:32755", "grids": {"default": {"shape": [2000, 2000], "transform": [30, 0, 700000, 0, -30, 6100000, 0, 0, 1]}}, "label": "lvl1_scene_ranged", "extent": {"lat": {"end": -35.209369855041224, "begin": -35.763725500269416}, "lon": {"end": 149.87535194676803, "begin": 149.19754165339828}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[700000, 6040000], [760000, 6040000], [760000, 6100000], [700000, 6100000], [700000, 6040000]]]}, "properties": {"datetime": "2021-03-10T00:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "ranged", "dtr:end_datetime": "2021-03-20T12:00:00Z", "dtr:start_datetime": "2021-03-01T00:00:00Z", "odc:processing_datetime": "2021-03-21T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[700000, 6040000], [760000, 6040000], [760000, 6100000], [700000, 6100000], [700000, 6040000]]]}, "geo_ref_points": {"ll": {"x": 700000.0, "y": 6040000.0}, "lr": {"x": 760000.0, "y": 6040000.0}, "ul": {"x": 700000.0, "y": 6100000.0}, "ur": {"x": 760000.0, "y": 6100000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "ranged_nir.tif"}, "red": {"path": "ranged_red.tif"}}}	\N	2026-12-06 23:12:08.434954+00	postgres	\N
96c3a498-69ff-5c0b-a499-760eefc468d7	4	2	{"id": "96c3a498-69ff-5c0b-a499-760eefc468d7", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6150000, 0, 0, 1]}}, "label": "ard_scene_a0", "extent": {"lat": {"end": -34.78258886784601, "begin": -35.60248579395247}, "lon": {"end": 148.5454061737082, "begin": 147.5465461712478}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-01-03T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 0.0, "odc:file_format": "GeoTIFF", "odc:region_code": "090080", "eo:sun_elevation": 20.0, "landsat:wrs_path": 90, "landsat:thermal_gsd": 100.0, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-01-01T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000.0, 6150000.0], [640000.0, 6150000.0], [640000.0, 6060000.0], [550000.0, 6060000.0], [550000.0, 6150000.0]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 6060000.0}, "lr": {"x": 640000.0, "y": 6060000.0}, "ul": {"x": 550000.0, "y": 6150000.0}, "ur": {"x": 640000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a0_nir.tif"}, "red": {"path": "a0_red.tif"}, "fmask": {"path": "a0_fmask.tif"}}}	\N	2026-12-06 23:12:08.470505+00	postgres	\N
5e7f4b4c-1317-57ad-b941-087a69251efc	4	2	{"id": "5e7f4b4c-1317-57ad-b941-087a69251efc", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6150000, 0, 0, 1]}}, "label": "ard_scene_a2", "extent": {"lat": {"end": -34.76846517147088, "begin": -35.59520502757288}, "lon": {"end": 149.4279151492908, "begin": 148.4208551566713}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 6060000], [720000, 6060000], [720000, 6150000], [630000, 6150000], [630000, 6060000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-03-05T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 12.5, "odc:file_format": "GeoTIFF", "odc:region_code": "092080", "eo:sun_elevation": 25.0, "landsat:wrs_path": 92, "dea:dataset_maturity": "interim", "odc:processing_datetime": "2021-03-03T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 6060000], [720000, 6060000], [720000, 6150000], [630000, 6150000], [630000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 6060000.0}, "lr": {"x": 720000.0, "y": 6060000.0}, "ul": {"x": 630000.0, "y": 6150000.0}, "ur": {"x": 720000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a2_nir.tif"}, "red": {"path": "a2_red.tif"}, "fmask": {"path": "a2_fmask.tif"}}}	\N	2026-12-06 23:12:08.580665+00	postgres	\N
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	4	2	{"id": "898d4afd-9f5e-5ed9-8b04-3852af7b6ca5", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6150000, 0, 0, 1]}}, "label": "ard_scene_a3", "extent": {"lat": {"end": -34.75905531510897, "begin": -35.58913985808927}, "lon": {"end": 149.86889742823007, "begin": 148.85786174380553}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-04-06T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 18.75, "odc:file_format": "GeoTIFF", "odc:region_code": "093080", "eo:sun_elevation": 27.5, "landsat:wrs_path": 93, "dea:dataset_maturity": "nrt", "odc:processing_datetime": "2021-04-04T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000.0, 6150000.0], [760000.0, 6150000.0], [760000.0, 6060000.0], [670000.0, 6060000.0], [670000.0, 6150000.0]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 6060000.0}, "lr": {"x": 760000.0, "y": 6060000.0}, "ul": {"x": 670000.0, "y": 6150000.0}, "ur": {"x": 760000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a3_nir.tif"}, "red": {"path": "a3_red.tif"}, "fmask": {"path": "a3_fmask.tif"}}}	\N	2026-12-06 23:12:08.707992+00	postgres	\N
65751a7b-bc19-5d3d-9ee3-0773d7564b36	4	2	{"id": "65751a7b-bc19-5d3d-9ee3-0773d7564b36", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6110000, 0, 0, 1]}}, "label": "ard_scene_a4", "extent": {"lat": {"end": -35.143159167822944, "begin": -35.96311976609776}, "lon": {"end": 148.55239929846846, "begin": 147.5489472174626}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 6020000], [640000, 6020000], [640000, 6110000], [550000, 6110000], [550000, 6020000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-05-07T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 25.0, "odc:file_format": "GeoTIFF", "odc:region_code": "090081", "eo:sun_elevation": 30.0, "landsat:wrs_path": 90, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-05-05T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 6020000], [640000, 6020000], [640000, 6110000], [550000, 6110000], [550000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 6020000.0}, "lr": {"x": 640000.0, "y": 6020000.0}, "ul": {"x": 550000.0, "y": 6110000.0}, "ur": {"x": 640000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a4_nir.tif"}, "red": {"path": "a4_red.tif"}, "fmask": {"path": "a4_fmask.tif"}}}	\N	2026-12-06 23:12:08.782087+00	postgres	\N
e066d3d4-fcad-562e-a159-1987c6e527cd	4	2	{"id": "e066d3d4-fcad-562e-a159-1987c6e527cd", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6110000, 0, 0, 1]}}, "label": "ard_scene_a5", "extent": {"lat": {"end": -35.13679645815477, "begin": -35.96025042964427}, "lon": {"end": 148.99572707605904, "begin": 147.98805980640353}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 6020000], [680000, 6020000], [680000, 6110000], [590000, 6110000], [590000, 6020000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-06-08T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 31.25, "odc:file_format": "GeoTIFF", "odc:region_code": "091081", "eo:sun_elevation": 32.5, "landsat:wrs_path": 91, "landsat:thermal_gsd": 100.0, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-06-06T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 6020000], [680000, 6020000], [680000, 6110000], [590000, 6110000], [590000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 6020000.0}, "lr": {"x": 680000.0, "y": 6020000.0}, "ul": {"x": 590000.0, "y": 6110000.0}, "ur": {"x": 680000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a5_nir.tif"}, "red": {"path": "a5_red.tif"}, "fmask": {"path": "a5_fmask.tif"}}}	\N	2026-12-06 23:12:08.876352+00	postgres	\N
cf12b339-99af-5fec-bfd6-e28bf813ee2e	4	2	{"id": "cf12b339-99af-5fec-bfd6-e28bf813ee2e", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6110000, 0, 0, 1]}}, "label": "ard_scene_a6", "extent": {"lat": {"end": -35.12884610114642, "begin": -35.955742343705026}, "lon": {"end": 149.43889384325342, "begin": 148.4270949578338}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-07-09T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 37.5, "odc:file_format": "GeoTIFF", "odc:region_code": "092081", "eo:sun_elevation": 35.0, "landsat:wrs_path": 92, "dea:dataset_maturity": "interim", "odc:processing_datetime": "2021-07-07T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000.0, 6110000.0], [720000.0, 6110000.0], [720000.0, 6020000.0], [630000.0, 6020000.0], [630000.0, 6110000.0]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 6020000.0}, "lr": {"x": 720000.0, "y": 6020000.0}, "ul": {"x": 630000.0, "y": 6110000.0}, "ur": {"x": 720000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a6_nir.tif"}, "red": {"path": "a6_red.tif"}, "fmask": {"path": "a6_fmask.tif"}}}	\N	2026-12-06 23:12:08.977287+00	postgres	\N
f67e7bef-6748-521f-b529-99a40f1e2dd5	4	2	{"id": "f67e7bef-6748-521f-b529-99a40f1e2dd5", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6070000, 0, 0, 1]}}, "label": "ard_scene_a8", "extent": {"lat": {"end": -35.50370683057621, "begin": -36.32373186767896}, "lon": {"end": 148.55951774828557, "begin": 147.551391300279}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 5980000], [640000, 5980000], [640000, 6070000], [550000, 6070000], [550000, 5980000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-09-11T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 50.0, "odc:file_format": "GeoTIFF", "odc:region_code": "090082", "eo:sun_elevation": 40.0, "landsat:wrs_path": 90, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-09-09T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 5980000], [640000, 5980000], [640000, 6070000], [550000, 6070000], [550000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 5980000.0}, "lr": {"x": 640000.0, "y": 5980000.0}, "ul": {"x": 550000.0, "y": 6070000.0}, "ur": {"x": 640000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a8_nir.tif"}, "red": {"path": "a8_red.tif"}, "fmask": {"path": "a8_fmask.tif"}}}	\N	2026-12-06 23:12:09.166495+00	postgres	\N
65f84e7d-6998-5aa0-aaa4-59e48cee1312	4	2	{"id": "65f84e7d-6998-5aa0-aaa4-59e48cee1312", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6070000, 0, 0, 1]}}, "label": "ard_scene_a9", "extent": {"lat": {"end": -35.497259198297954, "begin": -36.320824598624135}, "lon": {"end": 149.00487543969913, "begin": 147.99245834732812}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-10-12T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 56.25, "odc:file_format": "GeoTIFF", "odc:region_code": "091082", "eo:sun_elevation": 42.5, "landsat:wrs_path": 91, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-01-01T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000.0, 6070000.0], [680000.0, 6070000.0], [680000.0, 5980000.0], [590000.0, 5980000.0], [590000.0, 6070000.0]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 5980000.0}, "lr": {"x": 680000.0, "y": 5980000.0}, "ul": {"x": 590000.0, "y": 6070000.0}, "ur": {"x": 680000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a9_nir.tif"}, "red": {"path": "a9_red.tif"}, "fmask": {"path": "a9_fmask.tif"}}}	\N	2026-12-06 23:12:09.243029+00	postgres	\N
22f8a165-6a31-51e1-b46b-09466ea0ff76	4	2	{"id": "22f8a165-6a31-51e1-b46b-09466ea0ff76", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6070000, 0, 0, 1]}}, "label": "ard_scene_a10", "extent": {"lat": {"end": -35.48920274721566, "begin": -36.31625692142841}, "lon": {"end": 149.45006917892505, "begin": 148.43344657221098}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 5980000], [720000, 5980000], [720000, 6070000], [630000, 6070000], [630000, 5980000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-11-13T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 62.5, "odc:file_format": "GeoTIFF", "odc:region_code": "092082", "eo:sun_elevation": 45.0, "landsat:wrs_path": 92, "landsat:thermal_gsd": 100.0, "dea:dataset_maturity": "interim", "odc:processing_datetime": "2021-02-02T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 5980000], [720000, 5980000], [720000, 6070000], [630000, 6070000], [630000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 5980000.0}, "lr": {"x": 720000.0, "y": 5980000.0}, "ul": {"x": 630000.0, "y": 6070000.0}, "ur": {"x": 720000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a10_nir.tif"}, "red": {"path": "a10_red.tif"}, "fmask": {"path": "a10_fmask.tif"}}}	\N	2026-12-06 23:12:09.318674+00	postgres	\N
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	4	2	{"id": "28cc0fe4-918e-5fde-9418-4e35b5db2fc6", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6070000, 0, 0, 1]}}, "label": "ard_scene_a11", "extent": {"lat": {"end": -35.47953953361833, "begin": -36.31003002000811}, "lon": {"end": 149.89506270287418, "begin": 148.87432099454588}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 5980000], [760000, 5980000], [760000, 6070000], [670000, 6070000], [670000, 5980000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-12-14T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 68.75, "odc:file_format": "GeoTIFF", "odc:region_code": "093082", "eo:sun_elevation": 47.5, "landsat:wrs_path": 93, "dea:dataset_maturity": "nrt", "odc:processing_datetime": "2021-03-03T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 5980000], [760000, 5980000], [760000, 6070000], [670000, 6070000], [670000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 5980000.0}, "lr": {"x": 760000.0, "y": 5980000.0}, "ul": {"x": 670000.0, "y": 6070000.0}, "ur": {"x": 760000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a11_nir.tif"}, "red": {"path": "a11_red.tif"}, "fmask": {"path": "a11_fmask.tif"}}}	\N	2026-12-06 23:12:09.427686+00	postgres	\N
1f902120-fb2c-5647-b7a4-9da287727ee6	4	2	{"id": "1f902120-fb2c-5647-b7a4-9da287727ee6", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6030000, 0, 0, 1]}}, "label": "ard_scene_a12", "extent": {"lat": {"end": -35.86423173712084, "begin": -36.68432200951839}, "lon": {"end": 148.56676381436486, "begin": 147.5538791894647}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-01-15T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 75.0, "odc:file_format": "GeoTIFF", "odc:region_code": "090083", "eo:sun_elevation": 50.0, "landsat:wrs_path": 90, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-04-04T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000.0, 6030000.0], [640000.0, 6030000.0], [640000.0, 5940000.0], [550000.0, 5940000.0], [550000.0, 6030000.0]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 5940000.0}, "lr": {"x": 640000.0, "y": 5940000.0}, "ul": {"x": 550000.0, "y": 6030000.0}, "ur": {"x": 640000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a12_nir.tif"}, "red": {"path": "a12_red.tif"}, "fmask": {"path": "a12_fmask.tif"}}}	\N	2026-12-06 23:12:09.536041+00	postgres	\N
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	4	2	{"id": "dcf3e85f-e5a3-5d4b-81e4-feae835d36ad", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6030000, 0, 0, 1]}}, "label": "ard_scene_a13", "extent": {"lat": {"end": -35.85769843336268, "begin": -36.6813764625189}, "lon": {"end": 149.01418776948145, "begin": 147.99693571692586}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 5940000], [680000, 5940000], [680000, 6030000], [590000, 6030000], [590000, 5940000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-02-16T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 81.25, "odc:file_format": "GeoTIFF", "odc:region_code": "091083", "eo:sun_elevation": 52.5, "landsat:wrs_path": 91, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-05-05T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 5940000], [680000, 5940000], [680000, 6030000], [590000, 6030000], [590000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 5940000.0}, "lr": {"x": 680000.0, "y": 5940000.0}, "ul": {"x": 590000.0, "y": 6030000.0}, "ur": {"x": 680000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a13_nir.tif"}, "red": {"path": "a13_red.tif"}, "fmask": {"path": "a13_fmask.tif"}}}	\N	2026-12-06 23:12:09.640028+00	postgres	\N
664a592b-37da-5c2f-aa10-61e13af75503	4	2	{"id": "664a592b-37da-5c2f-aa10-61e13af75503", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6030000, 0, 0, 1]}}, "label": "ard_scene_a14", "extent": {"lat": {"end": -35.84953495340485, "begin": -36.67674865176615}, "lon": {"end": 149.46144474689135, "begin": 148.43991199852385}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 5940000], [720000, 5940000], [720000, 6030000], [630000, 6030000], [630000, 5940000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-03-17T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 87.5, "odc:file_format": "GeoTIFF", "odc:region_code": "092083", "eo:sun_elevation": 55.0, "landsat:wrs_path": 92, "dea:dataset_maturity": "interim", "odc:processing_datetime": "2021-06-06T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 5940000], [720000, 5940000], [720000, 6030000], [630000, 6030000], [630000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 5940000.0}, "lr": {"x": 720000.0, "y": 5940000.0}, "ul": {"x": 630000.0, "y": 6030000.0}, "ur": {"x": 720000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a14_nir.tif"}, "red": {"path": "a14_red.tif"}, "fmask": {"path": "a14_fmask.tif"}}}	\N	2026-12-06 23:12:09.740896+00	postgres	\N
a395abea-8ba8-5ee1-9753-5185611504d1	4	2	{"id": "a395abea-8ba8-5ee1-9753-5185611504d1", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6030000, 0, 0, 1]}}, "label": "ard_scene_a15", "extent": {"lat": {"end": -35.83974339375885, "begin": -36.67043978448762}, "lon": {"end": 149.90849781687697, "begin": 148.88277242282305}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-04-18T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 93.75, "odc:file_format": "GeoTIFF", "odc:region_code": "093083", "eo:sun_elevation": 57.5, "landsat:wrs_path": 93, "landsat:thermal_gsd": 100.0, "dea:dataset_maturity": "nrt", "odc:processing_datetime": "2021-07-07T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000.0, 6030000.0], [760000.0, 6030000.0], [760000.0, 5940000.0], [670000.0, 5940000.0], [670000.0, 6030000.0]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 5940000.0}, "lr": {"x": 760000.0, "y": 5940000.0}, "ul": {"x": 670000.0, "y": 6030000.0}, "ur": {"x": 760000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a15_nir.tif"}, "red": {"path": "a15_red.tif"}, "fmask": {"path": "a15_fmask.tif"}}}	\N	2026-12-06 23:12:09.839093+00	postgres	\N
4a1f16be-f557-53c1-b44a-56a1804c254e	1	3	{"id": "4a1f16be-f557-53c1-b44a-56a1804c254e", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 300000, 0, -20, 6300000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 300000, 0, -10, 6300000, 0, 0, 1]}}, "label": "s2_tiles_s0", "extent": {"lat": {"end": -33.42073849032199, "begin": -34.4257428384182}, "lon": {"end": 152.02964694927755, "begin": 150.82394605974082}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[300000, 6190200], [409800, 6190200], [409800, 6300000], [300000, 6300000], [300000, 6190200]]]}, "properties": {"datetime": "2021-01-01T00:05:30+10:00", "eo:platform": "sentinel-2b", "eo:cloud_cover": 0.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HA", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[300000, 6190200], [409800, 6190200], [409800, 6300000], [300000, 6300000], [300000, 6190200]]]}, "geo_ref_points": {"ll": {"x": 300000.0, "y": 6190200.0}, "lr": {"x": 409800.0, "y": 6190200.0}, "ul": {"x": 300000.0, "y": 6300000.0}, "ur": {"x": 409800.0, "y": 6300000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s0_blue.tif"}, "swir": {"grid": "coarse", "path": "s0_swir.tif"}}}	\N	2026-12-06 23:12:09.932242+00	postgres	\N
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	1	3	{"id": "2e85fa3c-276d-5fd3-bba8-f61b10e7cade", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 400000, 0, -20, 6300000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 400000, 0, -10, 6300000, 0, 0, 1]}}, "label": "s2_tiles_s1", "extent": {"lat": {"end": -33.434728825384155, "begin": -34.42963606798122}, "lon": {"end": 147.10666048161795, "begin": 145.9117134762608}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "properties": {"datetime": "2021-02-03T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 8.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HB", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[400000.0, 6300000.0], [509800.0, 6300000.0], [509800.0, 6190200.0], [400000.0, 6190200.0], [400000.0, 6300000.0]]]}, "geo_ref_points": {"ll": {"x": 400000.0, "y": 6190200.0}, "lr": {"x": 509800.0, "y": 6190200.0}, "ul": {"x": 400000.0, "y": 6300000.0}, "ur": {"x": 509800.0, "y": 6300000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s1_blue.tif"}, "swir": {"grid": "coarse", "path": "s1_swir.tif"}}}	\N	2026-12-06 23:12:10.032928+00	postgres	\N
12be0b77-bec0-5bdf-95bb-d29612c5629f	1	3	{"id": "12be0b77-bec0-5bdf-95bb-d29612c5629f", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 500000, 0, -20, 6300000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 500000, 0, -10, 6300000, 0, 0, 1]}}, "label": "s2_tiles_s2", "extent": {"lat": {"end": -33.43376965746705, "begin": -34.42968257862344}, "lon": {"end": 154.19491906328653, "begin": 153.0}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[500000, 6190200], [609800, 6190200], [609800, 6300000], [500000, 6300000], [500000, 6190200]]]}, "properties": {"datetime": "2021-03-05T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 16.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HC", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[500000, 6190200], [609800, 6190200], [609800, 6300000], [500000, 6300000], [500000, 6190200]]]}, "geo_ref_points": {"ll": {"x": 500000.0, "y": 6190200.0}, "lr": {"x": 609800.0, "y": 6190200.0}, "ul": {"x": 500000.0, "y": 6300000.0}, "ur": {"x": 609800.0, "y": 6300000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s2_blue.tif"}, "swir": {"grid": "coarse", "path": "s2_swir.tif"}}}	\N	2026-12-06 23:12:10.126387+00	postgres	\N
4ae10334-a4c0-552d-8670-4af461a0beb4	1	3	{"id": "4ae10334-a4c0-552d-8670-4af461a0beb4", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 300000, 0, -20, 6200000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 300000, 0, -10, 6200000, 0, 0, 1]}}, "label": "s2_tiles_s3", "extent": {"lat": {"end": -34.32200505219241, "begin": -35.32737109357555}, "lon": {"end": 146.0193817651493, "begin": 144.80007152707861}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[300000, 6090200], [409800, 6090200], [409800, 6200000], [300000, 6200000], [300000, 6090200]]]}, "properties": {"datetime": "2021-04-07T00:05:30+10:00", "eo:platform": "sentinel-2b", "eo:cloud_cover": 24.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HD", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[300000, 6090200], [409800, 6090200], [409800, 6200000], [300000, 6200000], [300000, 6090200]]]}, "geo_ref_points": {"ll": {"x": 300000.0, "y": 6090200.0}, "lr": {"x": 409800.0, "y": 6090200.0}, "ul": {"x": 300000.0, "y": 6200000.0}, "ur": {"x": 409800.0, "y": 6200000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s3_blue.tif"}, "swir": {"grid": "coarse", "path": "s3_swir.tif"}}}	\N	2026-12-06 23:12:10.202479+00	postgres	\N
602acc21-799c-58a2-9a20-f599a3c66a20	1	3	{"id": "602acc21-799c-58a2-9a20-f599a3c66a20", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 500000, 0, -20, 6200000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 500000, 0, -10, 6200000, 0, 0, 1]}}, "label": "s2_tiles_s5", "extent": {"lat": {"end": -34.335484262796534, "begin": -35.33144444287594}, "lon": {"end": 148.20803805017155, "begin": 146.99999999999997}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "properties": {"datetime": "2021-06-11T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 40.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HF", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[500000.0, 6200000.0], [609800.0, 6200000.0], [609800.0, 6090200.0], [500000.0, 6090200.0], [500000.0, 6200000.0]]]}, "geo_ref_points": {"ll": {"x": 500000.0, "y": 6090200.0}, "lr": {"x": 609800.0, "y": 6090200.0}, "ul": {"x": 500000.0, "y": 6200000.0}, "ur": {"x": 609800.0, "y": 6200000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s5_blue.tif"}, "swir": {"grid": "coarse", "path": "s5_swir.tif"}}}	\N	2026-12-06 23:12:10.35692+00	postgres	\N
cf5f2f42-d0b9-5f9a-831b-34267482d146	1	3	{"id": "cf5f2f42-d0b9-5f9a-831b-34267482d146", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 300000, 0, -20, 6100000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 300000, 0, -10, 6100000, 0, 0, 1]}}, "label": "s2_tiles_s6", "extent": {"lat": {"end": -35.22312494055522, "begin": -36.22886165396897}, "lon": {"end": 152.00865004903207, "begin": 150.77511347067963}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[300000, 5990200], [409800, 5990200], [409800, 6100000], [300000, 6100000], [300000, 5990200]]]}, "properties": {"datetime": "2021-01-13T00:05:30+10:00", "eo:platform": "sentinel-2b", "eo:cloud_cover": 48.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HG", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[300000, 5990200], [409800, 5990200], [409800, 6100000], [300000, 6100000], [300000, 5990200]]]}, "geo_ref_points": {"ll": {"x": 300000.0, "y": 5990200.0}, "lr": {"x": 409800.0, "y": 5990200.0}, "ul": {"x": 300000.0, "y": 6100000.0}, "ur": {"x": 409800.0, "y": 6100000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s6_blue.tif"}, "swir": {"grid": "coarse", "path": "s6_swir.tif"}}}	\N	2026-12-06 23:12:10.419879+00	postgres	\N
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	1	3	{"id": "d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 400000, 0, -20, 6100000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 400000, 0, -10, 6100000, 0, 0, 1]}}, "label": "s2_tiles_s7", "extent": {"lat": {"end": -35.238087535407686, "begin": -36.23302186048829}, "lon": {"end": 147.10905641350448, "begin": 145.8872731381079}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[400000, 5990200], [509800, 5990200], [509800, 6100000], [400000, 6100000], [400000, 5990200]]]}, "properties": {"datetime": "2021-02-15T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 56.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HH", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[400000, 5990200], [509800, 5990200], [509800, 6100000], [400000, 6100000], [400000, 5990200]]]}, "geo_ref_points": {"ll": {"x": 400000.0, "y": 5990200.0}, "lr": {"x": 509800.0, "y": 5990200.0}, "ul": {"x": 400000.0, "y": 6100000.0}, "ur": {"x": 509800.0, "y": 6100000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s7_blue.tif"}, "swir": {"grid": "coarse", "path": "s7_swir.tif"}}}	\N	2026-12-06 23:12:10.479981+00	postgres	\N
342ab01d-1267-593b-8fd8-b90cd60f67ed	1	3	{"id": "342ab01d-1267-593b-8fd8-b90cd60f67ed", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 500000, 0, -20, 6100000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 500000, 0, -10, 6100000, 0, 0, 1]}}, "label": "s2_tiles_s8", "extent": {"lat": {"end": -35.237061699113546, "begin": -36.23307156074645}, "lon": {"end": 154.22175274386058, "begin": 153.0}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[500000, 5990200], [609800, 5990200], [609800, 6100000], [500000, 6100000], [500000, 5990200]]]}, "properties": {"datetime": "2021-03-17T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 64.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HI", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[500000, 5990200], [609800, 5990200], [609800, 6100000], [500000, 6100000], [500000, 5990200]]]}, "geo_ref_points": {"ll": {"x": 500000.0, "y": 5990200.0}, "lr": {"x": 609800.0, "y": 5990200.0}, "ul": {"x": 500000.0, "y": 6100000.0}, "ur": {"x": 609800.0, "y": 6100000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s8_blue.tif"}, "swir": {"grid": "coarse", "path": "s8_swir.tif"}}}	\N	2026-12-06 23:12:10.57981+00	postgres	\N
93915a8a-a12d-5c53-bf01-f1bceb17c568	1	3	{"id": "93915a8a-a12d-5c53-bf01-f1bceb17c568", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 300000, 0, -20, 6000000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 300000, 0, -10, 6000000, 0, 0, 1]}}, "label": "s2_tiles_s9", "extent": {"lat": {"end": -36.12409583213699, "begin": -37.130212955008126}, "lon": {"end": 145.99743098375404, "begin": 144.74902223034107}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "properties": {"datetime": "2021-04-19T00:05:30+10:00", "eo:platform": "sentinel-2b", "eo:cloud_cover": 72.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HJ", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[300000.0, 6000000.0], [409800.0, 6000000.0], [409800.0, 5890200.0], [300000.0, 5890200.0], [300000.0, 6000000.0]]]}, "geo_ref_points": {"ll": {"x": 300000.0, "y": 5890200.0}, "lr": {"x": 409800.0, "y": 5890200.0}, "ul": {"x": 300000.0, "y": 6000000.0}, "ur": {"x": 409800.0, "y": 6000000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s9_blue.tif"}, "swir": {"grid": "coarse", "path": "s9_swir.tif"}}}	\N	2026-12-06 23:12:10.666644+00	postgres	\N
740e72bb-4f79-572f-9c02-f9b563fa507c	1	3	{"id": "740e72bb-4f79-572f-9c02-f9b563fa507c", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 400000, 0, -20, 6000000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 400000, 0, -10, 6000000, 0, 0, 1]}}, "label": "s2_tiles_s10", "extent": {"lat": {"end": -36.13956044986026, "begin": -37.13451118896359}, "lon": {"end": 153.11033662398455, "begin": 151.87421417569436}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[400000, 5890200], [509800, 5890200], [509800, 6000000], [400000, 6000000], [400000, 5890200]]]}, "properties": {"datetime": "2021-05-21T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 80.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HK", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[400000, 5890200], [509800, 5890200], [509800, 6000000], [400000, 6000000], [400000, 5890200]]]}, "geo_ref_points": {"ll": {"x": 400000.0, "y": 5890200.0}, "lr": {"x": 509800.0, "y": 5890200.0}, "ul": {"x": 400000.0, "y": 6000000.0}, "ur": {"x": 509800.0, "y": 6000000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s10_blue.tif"}, "swir": {"grid": "coarse", "path": "s10_swir.tif"}}}	\N	2026-12-06 23:12:10.816828+00	postgres	\N
4075085e-d1d0-5aae-a6d7-163134aba929	1	3	{"id": "4075085e-d1d0-5aae-a6d7-163134aba929", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 500000, 0, -20, 6000000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 500000, 0, -10, 6000000, 0, 0, 1]}}, "label": "s2_tiles_s11", "extent": {"lat": {"end": -36.13850018872685, "begin": -37.13456253827014}, "lon": {"end": 148.23609047975398, "begin": 146.99999999999997}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[500000, 5890200], [609800, 5890200], [609800, 6000000], [500000, 6000000], [500000, 5890200]]]}, "properties": {"datetime": "2021-06-23T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 88.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HL", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[500000, 5890200], [609800, 5890200], [609800, 6000000], [500000, 6000000], [500000, 5890200]]]}, "geo_ref_points": {"ll": {"x": 500000.0, "y": 5890200.0}, "lr": {"x": 609800.0, "y": 5890200.0}, "ul": {"x": 500000.0, "y": 6000000.0}, "ur": {"x": 609800.0, "y": 6000000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s11_blue.tif"}, "swir": {"grid": "coarse", "path": "s11_swir.tif"}}}	\N	2026-12-06 23:12:10.960356+00	postgres	\N
4e2ba050-c7be-5215-be9c-cbc9833ed63b	1	4	{"id": "4e2ba050-c7be-5215-be9c-cbc9833ed63b", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.0, 0, -0.01, -35.0, 0, 0, 1]}}, "label": "wofs_nan_w0", "extent": {"lat": {"end": -35.0, "begin": -35.16}, "lon": {"end": 149.16, "begin": 149.0}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.0, -35.16], [149.16, -35.16], [149.16, -35.0], [149.0, -35.0], [149.0, -35.16]]]}, "properties": {"datetime": "2022-02-10T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w0", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.0, -35.16], [149.16, -35.16], [149.16, -35.0], [149.0, -35.0], [149.0, -35.16]]]}, "geo_ref_points": {"ll": {"x": 149.0, "y": -35.16}, "lr": {"x": 149.16, "y": -35.16}, "ul": {"x": 149.0, "y": -35.0}, "ur": {"x": 149.16, "y": -35.0}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w0_water.tif"}}}	\N	2026-12-06 23:12:11.052906+00	postgres	\N
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	1	4	{"id": "f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.16, 0, -0.01, -35.0, 0, 0, 1]}}, "label": "wofs_nan_w1", "extent": {"lat": {"end": -35.0, "begin": -35.16}, "lon": {"end": 149.32, "begin": 149.16}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.16, -35.16], [149.32, -35.16], [149.32, -35.0], [149.16, -35.0], [149.16, -35.16]]]}, "properties": {"datetime": "2022-02-10T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w1", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.16, -35.16], [149.32, -35.16], [149.32, -35.0], [149.16, -35.0], [149.16, -35.16]]]}, "geo_ref_points": {"ll": {"x": 149.16, "y": -35.16}, "lr": {"x": 149.32, "y": -35.16}, "ul": {"x": 149.16, "y": -35.0}, "ur": {"x": 149.32, "y": -35.0}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w1_water.tif"}}}	\N	2026-12-06 23:12:11.108399+00	postgres	\N
673a79a1-5d9d-5c76-ba39-e60009bed04b	1	4	{"id": "673a79a1-5d9d-5c76-ba39-e60009bed04b", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.32, 0, -0.01, -35.0, 0, 0, 1]}}, "label": "wofs_nan_w2", "extent": {"lat": {"end": -35.0, "begin": -35.16}, "lon": {"end": 149.48, "begin": 149.32}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.32, -35.16], [149.48, -35.16], [149.48, -35.0], [149.32, -35.0], [149.32, -35.16]]]}, "properties": {"datetime": "2022-02-11T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w2", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.32, -35.16], [149.48, -35.16], [149.48, -35.0], [149.32, -35.0], [149.32, -35.16]]]}, "geo_ref_points": {"ll": {"x": 149.32, "y": -35.16}, "lr": {"x": 149.48, "y": -35.16}, "ul": {"x": 149.32, "y": -35.0}, "ur": {"x": 149.48, "y": -35.0}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w2_water.tif"}}}	\N	2026-12-06 23:12:11.186355+00	postgres	\N
39758704-bf4d-5de6-af39-0d7221399231	1	4	{"id": "39758704-bf4d-5de6-af39-0d7221399231", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.48, 0, -0.01, -35.0, 0, 0, 1]}}, "label": "wofs_nan_w3", "extent": {"lat": {"end": -35.0, "begin": -35.16}, "lon": {"end": 149.64, "begin": 149.48}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.48, -35.16], [149.64, -35.16], [149.64, -35.0], [149.48, -35.0], [149.48, -35.16]]]}, "properties": {"datetime": "2022-02-11T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w3", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.48, -35.16], [149.64, -35.16], [149.64, -35.0], [149.48, -35.0], [149.48, -35.16]]]}, "geo_ref_points": {"ll": {"x": 149.48, "y": -35.16}, "lr": {"x": 149.64, "y": -35.16}, "ul": {"x": 149.48, "y": -35.0}, "ur": {"x": 149.64, "y": -35.0}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w3_water.tif"}}}	\N	2026-12-06 23:12:11.24421+00	postgres	\N
753fd59e-c819-5d11-8bf5-379edb5bff50	1	4	{"id": "753fd59e-c819-5d11-8bf5-379edb5bff50", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.0, 0, -0.01, -35.16, 0, 0, 1]}}, "label": "wofs_nan_w4", "extent": {"lat": {"end": -35.16, "begin": -35.31999999999999}, "lon": {"end": 149.16, "begin": 149.0}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.0, -35.31999999999999], [149.16, -35.31999999999999], [149.16, -35.16], [149.0, -35.16], [149.0, -35.31999999999999]]]}, "properties": {"datetime": "2022-02-12T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w0", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.0, -35.31999999999999], [149.16, -35.31999999999999], [149.16, -35.16], [149.0, -35.16], [149.0, -35.31999999999999]]]}, "geo_ref_points": {"ll": {"x": 149.0, "y": -35.31999999999999}, "lr": {"x": 149.16, "y": -35.31999999999999}, "ul": {"x": 149.0, "y": -35.16}, "ur": {"x": 149.16, "y": -35.16}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w4_water.tif"}}}	\N	2026-12-06 23:12:11.326401+00	postgres	\N
7f74ead4-ed65-55e5-b4bd-41844f397da8	1	4	{"id": "7f74ead4-ed65-55e5-b4bd-41844f397da8", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.16, 0, -0.01, -35.16, 0, 0, 1]}}, "label": "wofs_nan_w5", "extent": {"lat": {"end": -35.16, "begin": -35.31999999999999}, "lon": {"end": 149.32, "begin": 149.16}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.16, -35.31999999999999], [149.32, -35.31999999999999], [149.32, -35.16], [149.16, -35.16], [149.16, -35.31999999999999]]]}, "properties": {"datetime": "2022-02-12T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w1", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.16, -35.31999999999999], [149.32, -35.31999999999999], [149.32, -35.16], [149.16, -35.16], [149.16, -35.31999999999999]]]}, "geo_ref_points": {"ll": {"x": 149.16, "y": -35.31999999999999}, "lr": {"x": 149.32, "y": -35.31999999999999}, "ul": {"x": 149.16, "y": -35.16}, "ur": {"x": 149.32, "y": -35.16}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w5_water.tif"}}}	\N	2026-12-06 23:12:11.398264+00	postgres	\N
a2f1720f-d791-5310-852f-3160c4d716ea	1	4	{"id": "a2f1720f-d791-5310-852f-3160c4d716ea", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.32, 0, -0.01, -35.16, 0, 0, 1]}}, "label": "wofs_nan_w6", "extent": {"lat": {"end": -35.16, "begin": -35.31999999999999}, "lon": {"end": 149.48, "begin": 149.32}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.32, -35.31999999999999], [149.48, -35.31999999999999], [149.48, -35.16], [149.32, -35.16], [149.32, -35.31999999999999]]]}, "properties": {"datetime": "2022-02-13T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w2", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.32, -35.31999999999999], [149.48, -35.31999999999999], [149.48, -35.16], [149.32, -35.16], [149.32, -35.31999999999999]]]}, "geo_ref_points": {"ll": {"x": 149.32, "y": -35.31999999999999}, "lr": {"x": 149.48, "y": -35.31999999999999}, "ul": {"x": 149.32, "y": -35.16}, "ur": {"x": 149.48, "y": -35.16}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w6_water.tif"}}}	\N	2026-12-06 23:12:11.484778+00	postgres	\N
e1beef85-1b84-52a4-8e09-283634e2d991	1	4	{"id": "e1beef85-1b84-52a4-8e09-283634e2d991", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.48, 0, -0.01, -35.16, 0, 0, 1]}}, "label": "wofs_nan_w7", "extent": {"lat": {"end": -35.16, "begin": -35.31999999999999}, "lon": {"end": 149.64, "begin": 149.48}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.48, -35.31999999999999], [149.64, -35.31999999999999], [149.64, -35.16], [149.48, -35.16], [149.48, -35.31999999999999]]]}, "properties": {"datetime": "2022-02-13T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w3", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.48, -35.31999999999999], [149.64, -35.31999999999999], [149.64, -35.16], [149.48, -35.16], [149.48, -35.31999999999999]]]}, "geo_ref_points": {"ll": {"x": 149.48, "y": -35.31999999999999}, "lr": {"x": 149.64, "y": -35.31999999999999}, "ul": {"x": 149.48, "y": -35.16}, "ur": {"x": 149.64, "y": -35.16}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w7_water.tif"}}}	\N	2026-12-06 23:12:11.556948+00	postgres	\N
bd6c76ba-3a08-53bd-a860-5657805f1b43	2	6	{"id": "bd6c76ba-3a08-53bd-a860-5657805f1b43", "image": {"bands": {"nir": {"path": "lvl1_0_B4.TIF"}, "red": {"path": "lvl1_0_B3.TIF"}}}, "extent": {"coord": {"ll": {"lat": -36.86063818317384, "lon": 148.12183334595466}, "lr": {"lat": -36.82446343223324, "lon": 150.13926489406822}, "ul": {"lat": -35.238087535407686, "lon": 148.09904081237147}, "ur": {"lat": -35.20399016710595, "lon": 150.07559169849233}}, "to_dt": "2009-03-05T23:40:12Z", "from_dt": "2009-03-05T23:39:48Z", "center_dt": "2009-03-05T23:40:00Z"}, "format": {"name": "GeoTIFF"}, "lineage": {"source_datasets": {}}, "ga_label": "LS5_TM_LEVEL1_lvl1_0", "platform": {"code": "LANDSAT_5"}, "instrument": {"name": "TM"}, "creation_dt": "2009-04-04T23:40:00Z", "grid_spatial": {"projection": {"geo_ref_points": {"ll": {"x": 600000, "y": 5920000.0}, "lr": {"x": 780000.0, "y": 5920000.0}, "ul": {"x": 600000, "y": 6100000}, "ur": {"x": 780000.0, "y": 6100000}}, "spatial_reference": "EPSG:32755"}}, "product_type": "level1"}	\N	2026-12-06 23:12:11.667781+00	postgres	\N
14fb99f9-b392-5e52-9489-2ebb92cdf52f	2	7	{"id": "14fb99f9-b392-5e52-9489-2ebb92cdf52f", "image": {"bands": {"nir": {"path": "nbar_0_B4.TIF"}, "red": {"path": "nbar_0_B3.TIF"}}}, "extent": {"coord": {"ll": {"lat": -36.86063818317384, "lon": 148.12183334595466}, "lr": {"lat": -36.82446343223324, "lon": 150.13926489406822}, "ul": {"lat": -35.238087535407686, "lon": 148.09904081237147}, "ur": {"lat": -35.20399016710595, "lon": 150.07559169849233}}, "to_dt": "2009-03-05T23:40:12Z", "from_dt": "2009-03-05T23:39:48Z", "center_dt": "2009-03-05T23:40:00Z"}, "format": {"name": "GeoTIFF"}, "lineage": {"source_datasets": {}}, "ga_label": "LS5_TM_NBAR_nbar_0", "platform": {"code": "LANDSAT_5"}, "instrument": {"name": "TM"}, "creation_dt": "2009-04-04T23:40:00Z", "grid_spatial": {"projection": {"geo_ref_points": {"ll": {"x": 600000, "y": 5920000.0}, "lr": {"x": 780000.0, "y": 5920000.0}, "ul": {"x": 600000, "y": 6100000}, "ur": {"x": 780000.0, "y": 6100000}}, "spatial_reference": "EPSG:32755"}}, "product_type": "nbar"}	\N	2026-12-06 23:12:11.667781+00	postgres	\N
c3cb21b9-520c-5e5f-a3cc-72cc8828d489	2	6	{"id": "c3cb21b9-520c-5e5f-a3cc-72cc8828d489", "image": {"bands": {"nir": {"path": "lvl1_2_B4.TIF"}, "red": {"path": "lvl1_2_B3.TIF"}}}, "extent": {"coord": {"ll": {"lat": -36.844763760332604, "lon": 149.24308096292518}, "lr": {"lat": -36.78962180934086, "lon": 151.25798947749283}, "ul": {"lat": -35.22312494055522, "lon": 149.19754165339828}, "ur": {"lat": -35.17114769524906, "lon": 151.17176618155005}}, "to_dt": "2009-05-05T23:40:12Z", "from_dt": "2009-05-05T23:39:48Z", "center_dt": "2009-05-05T23:40:00Z"}, "format": {"name": "GeoTIFF"}, "lineage": {"source_datasets": {}}, "ga_label": "LS5_TM_LEVEL1_lvl1_2", "platform": {"code": "LANDSAT_5"}, "instrument": {"name": "TM"}, "creation_dt": "2009-06-04T23:40:00Z", "grid_spatial": {"projection": {"geo_ref_points": {"ll": {"x": 700000, "y": 5920000.0}, "lr": {"x": 880000.0, "y": 5920000.0}, "ul": {"x": 700000, "y": 6100000}, "ur": {"x": 880000.0, "y": 6100000}}, "spatial_reference": "EPSG:32755"}}, "product_type": "level1"}	\N	2026-12-06 23:12:11.956916+00	postgres	\N
4eee7f2a-dd03-5298-aba1-546512632a6a	2	7	{"id": "4eee7f2a-dd03-5298-aba1-546512632a6a", "image": {"bands": {"nir": {"path": "nbar_2_B4.TIF"}, "red": {"path": "nbar_2_B3.TIF"}}}, "extent": {"coord": {"ll": {"lat": -36.844763760332604, "lon": 149.24308096292518}, "lr": {"lat": -36.78962180934086, "lon": 151.25798947749283}, "ul": {"lat": -35.22312494055522, "lon": 149.19754165339828}, "ur": {"lat": -35.17114769524906, "lon": 151.17176618155005}}, "to_dt": "2009-05-05T23:40:12Z", "from_dt": "2009-05-05T23:39:48Z", "center_dt": "2009-05-05T23:40:00Z"}, "format": {"name": "GeoTIFF"}, "lineage": {"source_datasets": {}}, "ga_label": "LS5_TM_NBAR_nbar_2", "platform": {"code": "LANDSAT_5"}, "instrument": {"name": "TM"}, "creation_dt": "2009-06-04T23:40:00Z", "grid_spatial": {"projection": {"geo_ref_points": {"ll": {"x": 700000, "y": 5920000.0}, "lr": {"x": 880000.0, "y": 5920000.0}, "ul": {"x": 700000, "y": 6100000}, "ur": {"x": 880000.0, "y": 6100000}}, "spatial_reference": "EPSG:32755"}}, "product_type": "nbar"}	\N	2026-12-06 23:12:11.956916+00	postgres	\N
4a84d5cf-dd33-5656-8d10-293852a430d8	2	6	{"id": "4a84d5cf-dd33-5656-8d10-293852a430d8", "image": {"bands": {"nir": {"path": "lvl1_1_B4.TIF"}, "red": {"path": "lvl1_1_B3.TIF"}}}, "extent": {"coord": {"ll": {"lat": -36.854022262145065, "lon": 148.68256692626113}, "lr": {"lat": -36.80835459870611, "lon": 150.6988675511306}, "ul": {"lat": -35.23185167489207, "lon": 148.64839243229522}, "ur": {"lat": -35.188805834178225, "lon": 150.62390060040042}}, "to_dt": "2009-04-05T23:40:12Z", "from_dt": "2009-04-05T23:39:48Z", "center_dt": "2009-04-05T23:40:00Z"}, "format": {"name": "GeoTIFF"}, "lineage": {"source_datasets": {}}, "ga_label": "LS5_TM_LEVEL1_lvl1_1", "platform": {"code": "LANDSAT_5"}, "instrument": {"name": "TM"}, "creation_dt": "2009-05-05T23:40:00Z", "grid_spatial": {"projection": {"geo_ref_points": {"ll": {"x": 650000, "y": 5920000.0}, "lr": {"x": 830000.0, "y": 5920000.0}, "ul": {"x": 650000, "y": 6100000}, "ur": {"x": 830000.0, "y": 6100000}}, "spatial_reference": "EPSG:32755"}}, "product_type": "level1"}	\N	2026-12-06 23:12:11.834443+00	postgres	\N
80462c0e-09e6-531b-be7f-53c33659a0ec	2	7	{"id": "80462c0e-09e6-531b-be7f-53c33659a0ec", "image": {"bands": {"nir": {"path": "nbar_1_B4.TIF"}, "red": {"path": "nbar_1_B3.TIF"}}}, "extent": {"coord": {"ll": {"lat": -36.854022262145065, "lon": 148.68256692626113}, "lr": {"lat": -36.80835459870611, "lon": 150.6988675511306}, "ul": {"lat": -35.23185167489207, "lon": 148.64839243229522}, "ur": {"lat": -35.188805834178225, "lon": 150.62390060040042}}, "to_dt": "2009-04-05T23:40:12Z", "from_dt": "2009-04-05T23:39:48Z", "center_dt": "2009-04-05T23:40:00Z"}, "format": {"name": "GeoTIFF"}, "lineage": {"source_datasets": {}}, "ga_label": "LS5_TM_NBAR_nbar_1", "platform": {"code": "LANDSAT_5"}, "instrument": {"name": "TM"}, "creation_dt": "2009-05-05T23:40:00Z", "grid_spatial": {"projection": {"geo_ref_points": {"ll": {"x": 650000, "y": 5920000.0}, "lr": {"x": 830000.0, "y": 5920000.0}, "ul": {"x": 650000, "y": 6100000}, "ur": {"x": 830000.0, "y": 6100000}}, "spatial_reference": "EPSG:32755"}}, "product_type": "nbar"}	\N	2026-12-06 23:12:11.834443+00	postgres	\N
70ab6846-d90b-51ad-91ac-d1a3068ba3f5	2	6	{"id": "70ab6846-d90b-51ad-91ac-d1a3068ba3f5", "image": {"bands": {"nir": {"path": "lvl1_3_B4.TIF"}, "red": {"path": "lvl1_3_B3.TIF"}}}, "extent": {"coord": {"ll": {"lat": -36.832866460131335, "lon": 149.8033025536234}, "lr": {"lat": -36.76827268104676, "lon": 151.8165589014548}, "ul": {"lat": -35.211910798187034, "lon": 149.74642125025466}, "ur": {"lat": -35.15102273177678, "lon": 151.71912219341013}}, "to_dt": "2009-06-05T23:40:12Z", "from_dt": "2009-06-05T23:39:48Z", "center_dt": "2009-06-05T23:40:00Z"}, "format": {"name": "GeoTIFF"}, "lineage": {"source_datasets": {}}, "ga_label": "LS5_TM_LEVEL1_lvl1_3", "platform": {"code": "LANDSAT_5"}, "instrument": {"name": "TM"}, "creation_dt": "2009-07-05T23:40:00Z", "grid_spatial": {"projection": {"geo_ref_points": {"ll": {"x": 750000, "y": 5920000.0}, "lr": {"x": 930000.0, "y": 5920000.0}, "ul": {"x": 750000, "y": 6100000}, "ur": {"x": 930000.0, "y": 6100000}}, "spatial_reference": "EPSG:32755"}}, "product_type": "level1"}	\N	2026-12-06 23:12:12.048441+00	postgres	\N
55c52c9a-3d96-5126-96e8-9b2c31f693ef	2	7	{"id": "55c52c9a-3d96-5126-96e8-9b2c31f693ef", "image": {"bands": {"nir": {"path": "nbar_3_B4.TIF"}, "red": {"path": "nbar_3_B3.TIF"}}}, "extent": {"coord": {"ll": {"lat": -36.832866460131335, "lon": 149.8033025536234}, "lr": {"lat": -36.76827268104676, "lon": 151.8165589014548}, "ul": {"lat": -35.211910798187034, "lon": 149.74642125025466}, "ur": {"lat": -35.15102273177678, "lon": 151.71912219341013}}, "to_dt": "2009-06-05T23:40:12Z", "from_dt": "2009-06-05T23:39:48Z", "center_dt": "2009-06-05T23:40:00Z"}, "format": {"name": "GeoTIFF"}, "lineage": {"source_datasets": {}}, "ga_label": "LS5_TM_NBAR_nbar_3", "platform": {"code": "LANDSAT_5"}, "instrument": {"name": "TM"}, "creation_dt": "2009-07-05T23:40:00Z", "grid_spatial": {"projection": {"geo_ref_points": {"ll": {"x": 750000, "y": 5920000.0}, "lr": {"x": 930000.0, "y": 5920000.0}, "ul": {"x": 750000, "y": 6100000}, "ur": {"x": 930000.0, "y": 6100000}}, "spatial_reference": "EPSG:32755"}}, "product_type": "nbar"}	\N	2026-12-06 23:12:12.048441+00	postgres	\N
66a65bbd-4114-5e12-add6-cd161aac635d	4	2	{"id": "66a65bbd-4114-5e12-add6-cd161aac635d", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6150000, 0, 0, 1]}}, "label": "ard_scene_a1", "extent": {"lat": {"end": -34.77631034850929, "begin": -35.599654052461496}, "lon": {"end": 148.98673973632182, "begin": 147.9837387092908}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 6060000], [680000, 6060000], [680000, 6150000], [590000, 6150000], [590000, 6060000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-02-04T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 6.25, "odc:file_format": "GeoTIFF", "odc:region_code": "091080", "eo:sun_elevation": 22.5, "landsat:wrs_path": 91, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-02-02T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 6060000], [680000, 6060000], [680000, 6150000], [590000, 6150000], [590000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 6060000.0}, "lr": {"x": 680000.0, "y": 6060000.0}, "ul": {"x": 590000.0, "y": 6150000.0}, "ur": {"x": 680000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a1_nir.tif"}, "red": {"path": "a1_red.tif"}, "fmask": {"path": "a1_fmask.tif"}}}	2026-12-06 23:12:12.170472+00	2026-12-06 23:12:08.513986+00	postgres	2026-12-06 23:12:12.170472+00
c01fdbc4-9305-50fb-8055-aa34629ce354	4	2	{"id": "c01fdbc4-9305-50fb-8055-aa34629ce354", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6110000, 0, 0, 1]}}, "label": "ard_scene_a7", "extent": {"lat": {"end": -35.11931011371829, "begin": -35.94959666939361}, "lon": {"end": 149.881863985211, "begin": 148.86601830514053}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 6020000], [760000, 6020000], [760000, 6110000], [670000, 6110000], [670000, 6020000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-08-10T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 43.75, "odc:file_format": "GeoTIFF", "odc:region_code": "093081", "eo:sun_elevation": 37.5, "landsat:wrs_path": 93, "dea:dataset_maturity": "nrt", "odc:processing_datetime": "2021-08-08T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 6020000], [760000, 6020000], [760000, 6110000], [670000, 6110000], [670000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 6020000.0}, "lr": {"x": 760000.0, "y": 6020000.0}, "ul": {"x": 670000.0, "y": 6110000.0}, "ur": {"x": 760000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a7_nir.tif"}, "red": {"path": "a7_red.tif"}, "fmask": {"path": "a7_fmask.tif"}}}	2026-12-06 23:12:12.170472+00	2026-12-06 23:12:09.075449+00	postgres	2026-12-06 23:12:12.170472+00
0e800198-859c-5244-a8f4-ec5c239f8fbc	1	3	{"id": "0e800198-859c-5244-a8f4-ec5c239f8fbc", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 400000, 0, -20, 6200000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 400000, 0, -10, 6200000, 0, 0, 1]}}, "label": "s2_tiles_s4", "extent": {"lat": {"end": -34.33647641476005, "begin": -35.33139635483415}, "lon": {"end": 153.10783184689114, "begin": 151.89976460481054}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[400000, 6090200], [509800, 6090200], [509800, 6200000], [400000, 6200000], [400000, 6090200]]]}, "properties": {"datetime": "2021-05-09T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 32.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HE", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[400000, 6090200], [509800, 6090200], [509800, 6200000], [400000, 6200000], [400000, 6090200]]]}, "geo_ref_points": {"ll": {"x": 400000.0, "y": 6090200.0}, "lr": {"x": 509800.0, "y": 6090200.0}, "ul": {"x": 400000.0, "y": 6200000.0}, "ur": {"x": 509800.0, "y": 6200000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s4_blue.tif"}, "swir": {"grid": "coarse", "path": "s4_swir.tif"}}}	2026-12-06 23:12:12.170472+00	2026-12-06 23:12:10.284906+00	postgres	2026-12-06 23:12:12.170472+00
d575ce75-5a69-52ef-9e0e-faa1534959d9	1	1	{"id": "d575ce75-5a69-52ef-9e0e-faa1534959d9", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6030000, 0, 0, 1]}}, "label": "lvl1_scene_l15", "extent": {"lat": {"end": -35.83974339375885, "begin": -36.67043978448762}, "lon": {"end": 149.90849781687697, "begin": 148.88277242282305}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {"source_datasets": {}}, "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 5940000], [760000, 5940000], [760000, 6030000], [670000, 6030000], [670000, 5940000]]]}, "properties": {"datetime": "2020-04-18T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "093083", "odc:processing_datetime": "2020-04-20T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 5940000], [760000, 5940000], [760000, 6030000], [670000, 6030000], [670000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 5940000.0}, "lr": {"x": 760000.0, "y": 5940000.0}, "ul": {"x": 670000.0, "y": 6030000.0}, "ur": {"x": 760000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l15_nir.tif"}, "red": {"path": "l15_red.tif"}}}	2026-12-06 23:12:12.170472+00	2026-12-06 23:12:08.306798+00	postgres	2026-12-06 23:12:12.170472+00
\.


--
-- Data for Name: dataset_location; Type: TABLE DATA; Schema: agdc; Owner: -
--

COPY agdc.dataset_location (id, dataset_ref, uri_scheme, uri_body, added, added_by, archived) FROM stdin;
1	4599b6fb-3163-5b12-bef0-f65e3408c938	file	///data/lvl1/lvl1_scene_l0/odc-metadata.yaml	2026-12-06 23:12:07.480832+00	postgres	\N
2	d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	file	///data/lvl1/lvl1_scene_l1/odc-metadata.yaml	2026-12-06 23:12:07.536882+00	postgres	\N
3	287daf44-e7ff-51ce-a92e-645806e1f697	file	///data/lvl1/lvl1_scene_l2/odc-metadata.yaml	2026-12-06 23:12:07.602926+00	postgres	\N
4	db55433d-246a-508d-b049-3386542af67c	file	///data/lvl1/lvl1_scene_l3/odc-metadata.yaml	2026-12-06 23:12:07.640067+00	postgres	\N
5	42e7d855-a2fb-5555-87d0-cda59cb2297d	file	///data/lvl1/lvl1_scene_l4/odc-metadata.yaml	2026-12-06 23:12:07.706927+00	postgres	\N
6	e5ea1102-342d-5214-a07e-ff67b58f7718	file	///data/lvl1/lvl1_scene_l5/odc-metadata.yaml	2026-12-06 23:12:07.7755+00	postgres	\N
7	cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	file	///data/lvl1/lvl1_scene_l6/odc-metadata.yaml	2026-12-06 23:12:07.845108+00	postgres	\N
8	158f270b-93a3-56aa-a5ee-2b192ef8cf76	file	///data/lvl1/lvl1_scene_l7/odc-metadata.yaml	2026-12-06 23:12:07.900894+00	postgres	\N
9	d4f62221-a20b-51a1-b383-e299b9f263a8	file	///data/lvl1/lvl1_scene_l8/odc-metadata.yaml	2026-12-06 23:12:07.952423+00	postgres	\N
10	9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	file	///data/lvl1/lvl1_scene_l9/odc-metadata.yaml	2026-12-06 23:12:08.023763+00	postgres	\N
11	d2d29ad2-8a07-510c-838b-b2083c6ec29a	file	///data/lvl1/lvl1_scene_l10/odc-metadata.yaml	2026-12-06 23:12:08.068218+00	postgres	\N
12	d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	file	///data/lvl1/lvl1_scene_l11/odc-metadata.yaml	2026-12-06 23:12:08.111572+00	postgres	\N
13	628f5d15-bc63-52a2-86c6-67a6994a8b4c	file	///data/lvl1/lvl1_scene_l12/odc-metadata.yaml	2026-12-06 23:12:08.17042+00	postgres	\N
14	2f855e15-d365-5f65-9c05-ee93415e5c19	file	///data/lvl1/lvl1_scene_l13/odc-metadata.yaml	2026-12-06 23:12:08.200617+00	postgres	\N
15	edfa1048-f107-5623-936d-0025d8631c3a	file	///data/lvl1/lvl1_scene_l14/odc-metadata.yaml	2026-12-06 23:12:08.266711+00	postgres	\N
16	d575ce75-5a69-52ef-9e0e-faa1534959d9	file	///data/lvl1/lvl1_scene_l15/odc-metadata.yaml	2026-12-06 23:12:08.306798+00	postgres	\N
17	babe9a43-302c-5b4a-881e-96c320c11a7c	file	///data/lvl1/lvl1_scene_antimeridian/odc-metadata.yaml	2026-12-06 23:12:08.363844+00	postgres	\N
18	77a1b391-950f-5eae-a7c9-ad6b3a47f722	file	///data/lvl1/lvl1_scene_ranged/odc-metadata.yaml	2026-12-06 23:12:08.434954+00	postgres	\N
19	96c3a498-69ff-5c0b-a499-760eefc468d7	s3	//ard-bucket/ard_scene_a0/odc-metadata.yaml	2026-12-06 23:12:08.470505+00	postgres	\N
20	66a65bbd-4114-5e12-add6-cd161aac635d	s3	//ard-bucket/ard_scene_a1/odc-metadata.yaml	2026-12-06 23:12:08.513986+00	postgres	\N
21	5e7f4b4c-1317-57ad-b941-087a69251efc	s3	//ard-bucket/ard_scene_a2/odc-metadata.yaml	2026-12-06 23:12:08.580665+00	postgres	\N
22	898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	s3	//ard-bucket/ard_scene_a3/odc-metadata.yaml	2026-12-06 23:12:08.707992+00	postgres	\N
23	65751a7b-bc19-5d3d-9ee3-0773d7564b36	s3	//ard-bucket/ard_scene_a4/odc-metadata.yaml	2026-12-06 23:12:08.782087+00	postgres	\N
24	e066d3d4-fcad-562e-a159-1987c6e527cd	s3	//ard-bucket/ard_scene_a5/odc-metadata.yaml	2026-12-06 23:12:08.876352+00	postgres	\N
25	cf12b339-99af-5fec-bfd6-e28bf813ee2e	s3	//ard-bucket/ard_scene_a6/odc-metadata.yaml	2026-12-06 23:12:08.977287+00	postgres	\N
26	c01fdbc4-9305-50fb-8055-aa34629ce354	s3	//ard-bucket/ard_scene_a7/odc-metadata.yaml	2026-12-06 23:12:09.075449+00	postgres	\N
27	f67e7bef-6748-521f-b529-99a40f1e2dd5	s3	//ard-bucket/ard_scene_a8/odc-metadata.yaml	2026-12-06 23:12:09.166495+00	postgres	\N
28	65f84e7d-6998-5aa0-aaa4-59e48cee1312	s3	//ard-bucket/ard_scene_a9/odc-metadata.yaml	2026-12-06 23:12:09.243029+00	postgres	\N
29	22f8a165-6a31-51e1-b46b-09466ea0ff76	s3	//ard-bucket/ard_scene_a10/odc-metadata.yaml	2026-12-06 23:12:09.318674+00	postgres	\N
30	28cc0fe4-918e-5fde-9418-4e35b5db2fc6	s3	//ard-bucket/ard_scene_a11/odc-metadata.yaml	2026-12-06 23:12:09.427686+00	postgres	\N
31	1f902120-fb2c-5647-b7a4-9da287727ee6	s3	//ard-bucket/ard_scene_a12/odc-metadata.yaml	2026-12-06 23:12:09.536041+00	postgres	\N
32	dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	s3	//ard-bucket/ard_scene_a13/odc-metadata.yaml	2026-12-06 23:12:09.640028+00	postgres	\N
33	664a592b-37da-5c2f-aa10-61e13af75503	s3	//ard-bucket/ard_scene_a14/odc-metadata.yaml	2026-12-06 23:12:09.740896+00	postgres	\N
34	a395abea-8ba8-5ee1-9753-5185611504d1	s3	//ard-bucket/ard_scene_a15/odc-metadata.yaml	2026-12-06 23:12:09.839093+00	postgres	\N
35	4a1f16be-f557-53c1-b44a-56a1804c254e	https	//example.org/s2/s2_tiles_s0.json	2026-12-06 23:12:09.932242+00	postgres	\N
36	2e85fa3c-276d-5fd3-bba8-f61b10e7cade	https	//example.org/s2/s2_tiles_s1.json	2026-12-06 23:12:10.032928+00	postgres	\N
37	12be0b77-bec0-5bdf-95bb-d29612c5629f	https	//example.org/s2/s2_tiles_s2.json	2026-12-06 23:12:10.126387+00	postgres	\N
38	4ae10334-a4c0-552d-8670-4af461a0beb4	https	//example.org/s2/s2_tiles_s3.json	2026-12-06 23:12:10.202479+00	postgres	\N
39	0e800198-859c-5244-a8f4-ec5c239f8fbc	https	//example.org/s2/s2_tiles_s4.json	2026-12-06 23:12:10.284906+00	postgres	\N
40	602acc21-799c-58a2-9a20-f599a3c66a20	https	//example.org/s2/s2_tiles_s5.json	2026-12-06 23:12:10.35692+00	postgres	\N
41	cf5f2f42-d0b9-5f9a-831b-34267482d146	https	//example.org/s2/s2_tiles_s6.json	2026-12-06 23:12:10.419879+00	postgres	\N
42	342ab01d-1267-593b-8fd8-b90cd60f67ed	https	//example.org/s2/s2_tiles_s8.json	2026-12-06 23:12:10.57981+00	postgres	\N
43	93915a8a-a12d-5c53-bf01-f1bceb17c568	https	//example.org/s2/s2_tiles_s9.json	2026-12-06 23:12:10.666644+00	postgres	\N
44	740e72bb-4f79-572f-9c02-f9b563fa507c	https	//example.org/s2/s2_tiles_s10.json	2026-12-06 23:12:10.816828+00	postgres	\N
45	4075085e-d1d0-5aae-a6d7-163134aba929	https	//example.org/s2/s2_tiles_s11.json	2026-12-06 23:12:10.960356+00	postgres	\N
46	4e2ba050-c7be-5215-be9c-cbc9833ed63b	file	///data/wofs/wofs_nan_w0/odc-metadata.yaml	2026-12-06 23:12:11.052906+00	postgres	\N
47	f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	file	///data/wofs/wofs_nan_w1/odc-metadata.yaml	2026-12-06 23:12:11.108399+00	postgres	\N
48	673a79a1-5d9d-5c76-ba39-e60009bed04b	file	///data/wofs/wofs_nan_w2/odc-metadata.yaml	2026-12-06 23:12:11.186355+00	postgres	\N
49	39758704-bf4d-5de6-af39-0d7221399231	file	///data/wofs/wofs_nan_w3/odc-metadata.yaml	2026-12-06 23:12:11.24421+00	postgres	\N
50	753fd59e-c819-5d11-8bf5-379edb5bff50	file	///data/wofs/wofs_nan_w4/odc-metadata.yaml	2026-12-06 23:12:11.326401+00	postgres	\N
51	7f74ead4-ed65-55e5-b4bd-41844f397da8	file	///data/wofs/wofs_nan_w5/odc-metadata.yaml	2026-12-06 23:12:11.398264+00	postgres	\N
52	a2f1720f-d791-5310-852f-3160c4d716ea	file	///data/wofs/wofs_nan_w6/odc-metadata.yaml	2026-12-06 23:12:11.484778+00	postgres	\N
53	e1beef85-1b84-52a4-8e09-283634e2d991	file	///data/wofs/wofs_nan_w7/odc-metadata.yaml	2026-12-06 23:12:11.556948+00	postgres	\N
54	14fb99f9-b392-5e52-9489-2ebb92cdf52f	file	///data/ls5/nbar_0/ga-metadata.yaml	2026-12-06 23:12:11.667781+00	postgres	\N
55	80462c0e-09e6-531b-be7f-53c33659a0ec	file	///data/ls5/nbar_1/ga-metadata.yaml	2026-12-06 23:12:11.834443+00	postgres	\N
56	4eee7f2a-dd03-5298-aba1-546512632a6a	file	///data/ls5/nbar_2/ga-metadata.yaml	2026-12-06 23:12:11.956916+00	postgres	\N
57	55c52c9a-3d96-5126-96e8-9b2c31f693ef	file	///data/ls5/nbar_3/ga-metadata.yaml	2026-12-06 23:12:12.048441+00	postgres	\N
58	d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	s3	//mirror/lvl1/l1/odc-metadata.yaml	2026-12-06 23:12:12.108917+00	postgres	\N
59	287daf44-e7ff-51ce-a92e-645806e1f697	s3	//old/lvl1/l2/odc-metadata.yaml	2026-12-06 23:12:12.127246+00	postgres	2026-12-06 23:12:12.154133+00
\.


--
-- Data for Name: dataset_source; Type: TABLE DATA; Schema: agdc; Owner: -
--

COPY agdc.dataset_source (dataset_ref, classifier, source_dataset_ref) FROM stdin;
96c3a498-69ff-5c0b-a499-760eefc468d7	level1	4599b6fb-3163-5b12-bef0-f65e3408c938
66a65bbd-4114-5e12-add6-cd161aac635d	level1	d3eae2ce-f23b-5952-a7cf-6ed8b2733f40
5e7f4b4c-1317-57ad-b941-087a69251efc	level1	287daf44-e7ff-51ce-a92e-645806e1f697
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	level11	db55433d-246a-508d-b049-3386542af67c
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	level12	42e7d855-a2fb-5555-87d0-cda59cb2297d
65751a7b-bc19-5d3d-9ee3-0773d7564b36	level1	42e7d855-a2fb-5555-87d0-cda59cb2297d
e066d3d4-fcad-562e-a159-1987c6e527cd	ancillary	cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262
e066d3d4-fcad-562e-a159-1987c6e527cd	level1	e5ea1102-342d-5214-a07e-ff67b58f7718
cf12b339-99af-5fec-bfd6-e28bf813ee2e	level1	cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262
c01fdbc4-9305-50fb-8055-aa34629ce354	level1	158f270b-93a3-56aa-a5ee-2b192ef8cf76
f67e7bef-6748-521f-b529-99a40f1e2dd5	level1	d4f62221-a20b-51a1-b383-e299b9f263a8
65f84e7d-6998-5aa0-aaa4-59e48cee1312	level1	9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9
22f8a165-6a31-51e1-b46b-09466ea0ff76	level1	d2d29ad2-8a07-510c-838b-b2083c6ec29a
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	level1	d9c2d004-45c6-5757-bcf9-ecb1f5f0281a
1f902120-fb2c-5647-b7a4-9da287727ee6	level1	628f5d15-bc63-52a2-86c6-67a6994a8b4c
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	level1	2f855e15-d365-5f65-9c05-ee93415e5c19
664a592b-37da-5c2f-aa10-61e13af75503	level1	edfa1048-f107-5623-936d-0025d8631c3a
a395abea-8ba8-5ee1-9753-5185611504d1	level1	d575ce75-5a69-52ef-9e0e-faa1534959d9
14fb99f9-b392-5e52-9489-2ebb92cdf52f	level1	bd6c76ba-3a08-53bd-a860-5657805f1b43
80462c0e-09e6-531b-be7f-53c33659a0ec	level1	4a84d5cf-dd33-5656-8d10-293852a430d8
4eee7f2a-dd03-5298-aba1-546512632a6a	level1	c3cb21b9-520c-5e5f-a3cc-72cc8828d489
55c52c9a-3d96-5126-96e8-9b2c31f693ef	level1	70ab6846-d90b-51ad-91ac-d1a3068ba3f5
\.


--
-- Data for Name: dataset_type; Type: TABLE DATA; Schema: agdc; Owner: -
--

COPY agdc.dataset_type (id, name, metadata, metadata_type_ref, definition, added, added_by, updated) FROM stdin;
1	lvl1_scene	{"product": {"name": "lvl1_scene"}}	1	{"name": "lvl1_scene", "license": "CC-BY-4.0", "metadata": {"product": {"name": "lvl1_scene"}}, "description": "lvl1_scene: test data indexed with ODC", "measurements": [{"name": "red", "dtype": "int16", "units": "1", "nodata": -999}, {"name": "nir", "dtype": "int16", "units": "1", "nodata": -999}], "metadata_type": "eo3"}	2026-12-06 23:12:03.258966+00	postgres	\N
2	ard_scene	{"product": {"name": "ard_scene"}, "properties": {"eo:platform": "landsat-8"}}	4	{"load": {"crs": "EPSG:32755", "align": {"x": 0, "y": 0}, "resolution": {"x": 30, "y": -30}}, "name": "ard_scene", "license": "CC-BY-4.0", "metadata": {"product": {"name": "ard_scene"}, "properties": {"eo:platform": "landsat-8"}}, "description": "ard_scene: test data indexed with ODC", "measurements": [{"name": "red", "dtype": "int16", "units": "1", "nodata": -999, "aliases": ["band04"]}, {"name": "nir", "dtype": "int16", "units": "1", "nodata": -999, "aliases": ["band05"]}, {"name": "fmask", "dtype": "uint8", "units": "1", "nodata": 0, "flags_definition": {"fmask": {"bits": [0, 1, 2], "values": {"1": "valid", "2": "cloud", "3": "shadow"}}}}], "metadata_type": "eo3_ard"}	2026-12-06 23:12:03.830513+00	postgres	\N
3	s2_tiles	{"product": {"name": "s2_tiles"}, "properties": {"odc:product_family": "s2"}}	1	{"name": "s2_tiles", "license": "CC-BY-4.0", "metadata": {"product": {"name": "s2_tiles"}, "properties": {"odc:product_family": "s2"}}, "description": "s2_tiles: test data indexed with ODC", "measurements": [{"name": "blue", "dtype": "uint16", "units": "1", "nodata": 0}, {"name": "swir", "dtype": "uint16", "units": "1", "nodata": 0, "spectral_definition": {"response": [0.5, 1.0], "wavelength": [1600, 1610]}}], "metadata_type": "eo3"}	2026-12-06 23:12:04.913266+00	postgres	\N
4	wofs_nan	{"product": {"name": "wofs_nan"}}	1	{"name": "wofs_nan", "license": "CC-BY-4.0", "metadata": {"product": {"name": "wofs_nan"}}, "description": "wofs_nan: test data indexed with ODC", "measurements": [{"name": "water", "dtype": "float32", "units": "1", "nodata": "NaN"}], "metadata_type": "eo3"}	2026-12-06 23:12:05.338232+00	postgres	\N
5	empty_product	{"product": {"name": "empty_product"}}	1	{"name": "empty_product", "license": "CC-BY-4.0", "metadata": {"product": {"name": "empty_product"}}, "description": "empty_product: test data indexed with ODC", "measurements": [{"name": "red", "dtype": "int16", "units": "1", "nodata": -999}], "metadata_type": "eo3"}	2026-12-06 23:12:05.887744+00	postgres	\N
6	ls5_level1_scene	{"platform": {"code": "LANDSAT_5"}, "product_type": "level1"}	2	{"name": "ls5_level1_scene", "license": "CC-BY-4.0", "metadata": {"platform": {"code": "LANDSAT_5"}, "product_type": "level1"}, "description": "ls5_level1_scene: test data indexed with ODC", "measurements": [{"name": "red", "dtype": "int16", "units": "1", "nodata": -999}, {"name": "nir", "dtype": "int16", "units": "1", "nodata": -999}], "metadata_type": "eo"}	2026-12-06 23:12:06.422717+00	postgres	\N
7	ls5_nbar_scene	{"platform": {"code": "LANDSAT_5"}, "product_type": "nbar"}	2	{"name": "ls5_nbar_scene", "license": "CC-BY-4.0", "metadata": {"platform": {"code": "LANDSAT_5"}, "product_type": "nbar"}, "description": "ls5_nbar_scene: test data indexed with ODC", "measurements": [{"name": "red", "dtype": "int16", "units": "1", "nodata": -999}, {"name": "nir", "dtype": "int16", "units": "1", "nodata": -999}], "metadata_type": "eo"}	2026-12-06 23:12:07.083967+00	postgres	\N
\.


--
-- Data for Name: metadata_type; Type: TABLE DATA; Schema: agdc; Owner: -
--

COPY agdc.metadata_type (id, name, definition, added, added_by, updated) FROM stdin;
1	eo3	{"name": "eo3", "dataset": {"id": ["id"], "label": ["label"], "format": ["properties", "odc:file_format"], "sources": ["lineage", "source_datasets"], "creation_dt": ["properties", "odc:processing_datetime"], "grid_spatial": ["grid_spatial", "projection"], "measurements": ["measurements"], "search_fields": {"lat": {"type": "double-range", "max_offset": [["extent", "lat", "end"]], "min_offset": [["extent", "lat", "begin"]], "description": "Latitude range"}, "lon": {"type": "double-range", "max_offset": [["extent", "lon", "end"]], "min_offset": [["extent", "lon", "begin"]], "description": "Longitude range"}, "time": {"type": "datetime-range", "max_offset": [["properties", "dtr:end_datetime"], ["properties", "datetime"]], "min_offset": [["properties", "dtr:start_datetime"], ["properties", "datetime"]], "description": "Acquisition time range"}, "platform": {"offset": ["properties", "eo:platform"], "indexed": false, "description": "Platform code"}, "instrument": {"offset": ["properties", "eo:instrument"], "indexed": false, "description": "Instrument name"}, "cloud_cover": {"type": "double", "offset": ["properties", "eo:cloud_cover"], "indexed": false, "description": "Cloud cover percentage [0, 100]"}, "region_code": {"offset": ["properties", "odc:region_code"], "description": "Spatial reference code from the provider. For Landsat region_code is a scene path row:\\n        '{:03d}{:03d}.format(path,row)'.\\nFor Sentinel it is MGRS code. In general it is a unique string identifier that datasets covering roughly the same spatial region share.\\n"}, "product_family": {"offset": ["properties", "odc:product_family"], "indexed": false, "description": "Product family code"}, "dataset_maturity": {"offset": ["properties", "dea:dataset_maturity"], "indexed": false, "description": "One of - final|interim|nrt  (near real time)"}}}, "description": "Default EO3 with no custom fields"}	2026-12-06 23:12:01.442307+00	postgres	\N
2	eo	{"name": "eo", "dataset": {"id": ["id"], "label": ["ga_label"], "format": ["format", "name"], "sources": ["lineage", "source_datasets"], "creation_dt": ["creation_dt"], "grid_spatial": ["grid_spatial", "projection"], "measurements": ["image", "bands"], "search_fields": {"lat": {"type": "double-range", "max_offset": [["extent", "coord", "ur", "lat"], ["extent", "coord", "lr", "lat"], ["extent", "coord", "ul", "lat"], ["extent", "coord", "ll", "lat"]], "min_offset": [["extent", "coord", "ur", "lat"], ["extent", "coord", "lr", "lat"], ["extent", "coord", "ul", "lat"], ["extent", "coord", "ll", "lat"]], "description": "Latitude range"}, "lon": {"type": "double-range", "max_offset": [["extent", "coord", "ul", "lon"], ["extent", "coord", "ur", "lon"], ["extent", "coord", "ll", "lon"], ["extent", "coord", "lr", "lon"]], "min_offset": [["extent", "coord", "ul", "lon"], ["extent", "coord", "ur", "lon"], ["extent", "coord", "ll", "lon"], ["extent", "coord", "lr", "lon"]], "description": "Longitude range"}, "time": {"type": "datetime-range", "max_offset": [["extent", "to_dt"], ["extent", "center_dt"]], "min_offset": [["extent", "from_dt"], ["extent", "center_dt"]], "description": "Acquisition time"}, "platform": {"offset": ["platform", "code"], "description": "Platform code"}, "instrument": {"offset": ["instrument", "name"], "description": "Instrument name"}, "product_type": {"offset": ["product_type"], "description": "Product code"}}}, "description": "Earth Observation datasets.\\n\\nExpected metadata structure produced by the eodatasets library, as used internally at GA.\\n\\nhttps://github.com/opendatacube/eo-datasets\\n"}	2026-12-06 23:12:01.877912+00	postgres	\N
3	telemetry	{"name": "telemetry", "dataset": {"id": ["id"], "label": ["ga_label"], "sources": ["lineage", "source_datasets"], "creation_dt": ["creation_dt"], "search_fields": {"gsi": {"offset": ["acquisition", "groundstation", "code"], "indexed": false, "description": "Ground Station Identifier (eg. ASA)"}, "time": {"type": "datetime-range", "max_offset": [["acquisition", "los"]], "min_offset": [["acquisition", "aos"]], "description": "Acquisition time"}, "orbit": {"type": "integer", "offset": ["acquisition", "platform_orbit"], "description": "Orbit number"}, "sat_row": {"type": "integer-range", "max_offset": [["image", "satellite_ref_point_end", "y"], ["image", "satellite_ref_point_start", "y"]], "min_offset": [["image", "satellite_ref_point_start", "y"]], "description": "Landsat row"}, "platform": {"offset": ["platform", "code"], "description": "Platform code"}, "sat_path": {"type": "integer-range", "max_offset": [["image", "satellite_ref_point_end", "x"], ["image", "satellite_ref_point_start", "x"]], "min_offset": [["image", "satellite_ref_point_start", "x"]], "description": "Landsat path"}, "instrument": {"offset": ["instrument", "name"], "description": "Instrument name"}, "product_type": {"offset": ["product_type"], "description": "Product code"}}}, "description": "Satellite telemetry datasets.\\n\\nExpected metadata structure produced by telemetry datasets from the eodatasets library, as used internally at GA.\\n\\nhttps://github.com/opendatacube/eo-datasets\\n"}	2026-12-06 23:12:02.293364+00	postgres	\N
4	eo3_ard	{"name": "eo3_ard", "dataset": {"id": ["id"], "label": ["label"], "format": ["properties", "odc:file_format"], "sources": ["lineage", "source_datasets"], "creation_dt": ["properties", "odc:processing_datetime"], "grid_spatial": ["grid_spatial", "projection"], "measurements": ["measurements"], "search_fields": {"lat": {"type": "double-range", "max_offset": [["extent", "lat", "end"]], "min_offset": [["extent", "lat", "begin"]]}, "lon": {"type": "double-range", "max_offset": [["extent", "lon", "end"]], "min_offset": [["extent", "lon", "begin"]]}, "time": {"type": "datetime-range", "max_offset": [["properties", "dtr:end_datetime"], ["properties", "datetime"]], "min_offset": [["properties", "dtr:start_datetime"], ["properties", "datetime"]]}, "platform": {"offset": ["properties", "eo:platform"], "description": "Platform code"}, "wrs_path": {"type": "integer", "offset": ["properties", "landsat:wrs_path"]}, "gsd_range": {"type": "double-range", "max_offset": [["properties", "landsat:thermal_gsd"], ["properties", "eo:gsd"]], "min_offset": [["properties", "eo:gsd"]]}, "processed": {"type": "datetime", "offset": ["properties", "odc:processing_datetime"]}, "cloud_cover": {"type": "double", "offset": ["properties", "eo:cloud_cover"], "indexed": false}, "region_code": {"offset": ["properties", "odc:region_code"], "description": "Path/row"}, "sun_elevation": {"type": "double", "offset": ["properties", "eo:sun_elevation"]}, "dataset_maturity": {"offset": ["properties", "dea:dataset_maturity"], "indexed": false}}}, "description": "eo3 with analysis-ready fields of our own"}	2026-12-06 23:12:02.659614+00	postgres	\N
\.


--
-- Name: dataset_location_id_seq; Type: SEQUENCE SET; Schema: agdc; Owner: -
--

SELECT pg_catalog.setval('agdc.dataset_location_id_seq', 59, true);


--
-- Name: dataset_type_id_seq; Type: SEQUENCE SET; Schema: agdc; Owner: -
--

SELECT pg_catalog.setval('agdc.dataset_type_id_seq', 7, true);


--
-- Name: metadata_type_id_seq; Type: SEQUENCE SET; Schema: agdc; Owner: -
--

SELECT pg_catalog.setval('agdc.metadata_type_id_seq', 4, true);


--
-- Name: dataset pk_dataset; Type: CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset
    ADD CONSTRAINT pk_dataset PRIMARY KEY (id);


--
-- Name: dataset_location pk_dataset_location; Type: CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_location
    ADD CONSTRAINT pk_dataset_location PRIMARY KEY (id);


--
-- Name: dataset_source pk_dataset_source; Type: CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_source
    ADD CONSTRAINT pk_dataset_source PRIMARY KEY (dataset_ref, classifier);


--
-- Name: dataset_type pk_dataset_type; Type: CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_type
    ADD CONSTRAINT pk_dataset_type PRIMARY KEY (id);


--
-- Name: metadata_type pk_metadata_type; Type: CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.metadata_type
    ADD CONSTRAINT pk_metadata_type PRIMARY KEY (id);


--
-- Name: dataset_location uq_dataset_location_uri_scheme; Type: CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_location
    ADD CONSTRAINT uq_dataset_location_uri_scheme UNIQUE (uri_scheme, uri_body, dataset_ref);


--
-- Name: dataset_source uq_dataset_source_source_dataset_ref; Type: CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_source
    ADD CONSTRAINT uq_dataset_source_source_dataset_ref UNIQUE (source_dataset_ref, dataset_ref);


--
-- Name: dataset_type uq_dataset_type_name; Type: CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_type
    ADD CONSTRAINT uq_dataset_type_name UNIQUE (name);


--
-- Name: metadata_type uq_metadata_type_name; Type: CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.metadata_type
    ADD CONSTRAINT uq_metadata_type_name UNIQUE (name);


--
-- Name: dix_ard_scene_gsd_range; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ard_scene_gsd_range ON agdc.dataset USING gist (agdc.float8range(((metadata #>> '{properties,eo:gsd}'::text[]))::double precision, GREATEST(((metadata #>> '{properties,landsat:thermal_gsd}'::text[]))::double precision, ((metadata #>> '{properties,eo:gsd}'::text[]))::double precision), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 2));


--
-- Name: dix_ard_scene_lat_lon_time; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ard_scene_lat_lon_time ON agdc.dataset USING gist (agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text), tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 2));


--
-- Name: dix_ard_scene_processed; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ard_scene_processed ON agdc.dataset USING btree (agdc.common_timestamp((metadata #>> '{properties,odc:processing_datetime}'::text[]))) WHERE ((archived IS NULL) AND (dataset_type_ref = 2));


--
-- Name: dix_ard_scene_region_code; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ard_scene_region_code ON agdc.dataset USING btree (((metadata #>> '{properties,odc:region_code}'::text[]))) WHERE ((archived IS NULL) AND (dataset_type_ref = 2));


--
-- Name: dix_ard_scene_sun_elevation; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ard_scene_sun_elevation ON agdc.dataset USING btree ((((metadata #>> '{properties,eo:sun_elevation}'::text[]))::double precision)) WHERE ((archived IS NULL) AND (dataset_type_ref = 2));


--
-- Name: dix_ard_scene_time_lat_lon; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ard_scene_time_lat_lon ON agdc.dataset USING gist (tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text), agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 2));


--
-- Name: dix_ard_scene_wrs_path; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ard_scene_wrs_path ON agdc.dataset USING btree ((((metadata #>> '{properties,landsat:wrs_path}'::text[]))::integer)) WHERE ((archived IS NULL) AND (dataset_type_ref = 2));


--
-- Name: dix_empty_product_lat_lon_time; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_empty_product_lat_lon_time ON agdc.dataset USING gist (agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text), tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 5));


--
-- Name: dix_empty_product_region_code; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_empty_product_region_code ON agdc.dataset USING btree (((metadata #>> '{properties,odc:region_code}'::text[]))) WHERE ((archived IS NULL) AND (dataset_type_ref = 5));


--
-- Name: dix_empty_product_time_lat_lon; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_empty_product_time_lat_lon ON agdc.dataset USING gist (tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text), agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 5));


--
-- Name: dix_ls5_level1_scene_instrument; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ls5_level1_scene_instrument ON agdc.dataset USING btree (((metadata #>> '{instrument,name}'::text[]))) WHERE ((archived IS NULL) AND (dataset_type_ref = 6));


--
-- Name: dix_ls5_level1_scene_lat_lon_time; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ls5_level1_scene_lat_lon_time ON agdc.dataset USING gist (agdc.float8range(LEAST(((metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), GREATEST(((metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), '[]'::text), agdc.float8range(LEAST(((metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), GREATEST(((metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), '[]'::text), tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{extent,from_dt}'::text[])), agdc.common_timestamp((metadata #>> '{extent,center_dt}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{extent,to_dt}'::text[])), agdc.common_timestamp((metadata #>> '{extent,center_dt}'::text[]))), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 6));


--
-- Name: dix_ls5_level1_scene_time_lat_lon; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ls5_level1_scene_time_lat_lon ON agdc.dataset USING gist (tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{extent,from_dt}'::text[])), agdc.common_timestamp((metadata #>> '{extent,center_dt}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{extent,to_dt}'::text[])), agdc.common_timestamp((metadata #>> '{extent,center_dt}'::text[]))), '[]'::text), agdc.float8range(LEAST(((metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), GREATEST(((metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), '[]'::text), agdc.float8range(LEAST(((metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), GREATEST(((metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 6));


--
-- Name: dix_ls5_nbar_scene_instrument; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ls5_nbar_scene_instrument ON agdc.dataset USING btree (((metadata #>> '{instrument,name}'::text[]))) WHERE ((archived IS NULL) AND (dataset_type_ref = 7));


--
-- Name: dix_ls5_nbar_scene_lat_lon_time; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ls5_nbar_scene_lat_lon_time ON agdc.dataset USING gist (agdc.float8range(LEAST(((metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), GREATEST(((metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), '[]'::text), agdc.float8range(LEAST(((metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), GREATEST(((metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), '[]'::text), tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{extent,from_dt}'::text[])), agdc.common_timestamp((metadata #>> '{extent,center_dt}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{extent,to_dt}'::text[])), agdc.common_timestamp((metadata #>> '{extent,center_dt}'::text[]))), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 7));


--
-- Name: dix_ls5_nbar_scene_time_lat_lon; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_ls5_nbar_scene_time_lat_lon ON agdc.dataset USING gist (tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{extent,from_dt}'::text[])), agdc.common_timestamp((metadata #>> '{extent,center_dt}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{extent,to_dt}'::text[])), agdc.common_timestamp((metadata #>> '{extent,center_dt}'::text[]))), '[]'::text), agdc.float8range(LEAST(((metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), GREATEST(((metadata #>> '{extent,coord,ur,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ul,lat}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lat}'::text[]))::double precision), '[]'::text), agdc.float8range(LEAST(((metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), GREATEST(((metadata #>> '{extent,coord,ul,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ur,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,ll,lon}'::text[]))::double precision, ((metadata #>> '{extent,coord,lr,lon}'::text[]))::double precision), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 7));


--
-- Name: dix_lvl1_scene_lat_lon_time; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_lvl1_scene_lat_lon_time ON agdc.dataset USING gist (agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text), tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 1));


--
-- Name: dix_lvl1_scene_region_code; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_lvl1_scene_region_code ON agdc.dataset USING btree (((metadata #>> '{properties,odc:region_code}'::text[]))) WHERE ((archived IS NULL) AND (dataset_type_ref = 1));


--
-- Name: dix_lvl1_scene_time_lat_lon; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_lvl1_scene_time_lat_lon ON agdc.dataset USING gist (tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text), agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 1));


--
-- Name: dix_s2_tiles_lat_lon_time; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_s2_tiles_lat_lon_time ON agdc.dataset USING gist (agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text), tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 3));


--
-- Name: dix_s2_tiles_region_code; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_s2_tiles_region_code ON agdc.dataset USING btree (((metadata #>> '{properties,odc:region_code}'::text[]))) WHERE ((archived IS NULL) AND (dataset_type_ref = 3));


--
-- Name: dix_s2_tiles_time_lat_lon; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_s2_tiles_time_lat_lon ON agdc.dataset USING gist (tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text), agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 3));


--
-- Name: dix_wofs_nan_lat_lon_time; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_wofs_nan_lat_lon_time ON agdc.dataset USING gist (agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text), tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 4));


--
-- Name: dix_wofs_nan_region_code; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_wofs_nan_region_code ON agdc.dataset USING btree (((metadata #>> '{properties,odc:region_code}'::text[]))) WHERE ((archived IS NULL) AND (dataset_type_ref = 4));


--
-- Name: dix_wofs_nan_time_lat_lon; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX dix_wofs_nan_time_lat_lon ON agdc.dataset USING gist (tstzrange(LEAST(agdc.common_timestamp((metadata #>> '{properties,dtr:start_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), GREATEST(agdc.common_timestamp((metadata #>> '{properties,dtr:end_datetime}'::text[])), agdc.common_timestamp((metadata #>> '{properties,datetime}'::text[]))), '[]'::text), agdc.float8range(((metadata #>> '{extent,lat,begin}'::text[]))::double precision, ((metadata #>> '{extent,lat,end}'::text[]))::double precision, '[]'::text), agdc.float8range(((metadata #>> '{extent,lon,begin}'::text[]))::double precision, ((metadata #>> '{extent,lon,end}'::text[]))::double precision, '[]'::text)) WHERE ((archived IS NULL) AND (dataset_type_ref = 4));


--
-- Name: ix_agdc_dataset_dataset_type_ref; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX ix_agdc_dataset_dataset_type_ref ON agdc.dataset USING btree (dataset_type_ref);


--
-- Name: ix_agdc_dataset_location_dataset_ref; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX ix_agdc_dataset_location_dataset_ref ON agdc.dataset_location USING btree (dataset_ref);


--
-- Name: ix_dataset_added; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX ix_dataset_added ON agdc.dataset USING btree (added);


--
-- Name: ix_dataset_updated; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX ix_dataset_updated ON agdc.dataset USING btree (updated);


--
-- Name: ix_ds_isactive; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX ix_ds_isactive ON agdc.dataset USING btree (((archived IS NULL)));


--
-- Name: ix_ds_mdt_isactive; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX ix_ds_mdt_isactive ON agdc.dataset USING btree (metadata_type_ref, ((archived IS NULL)));


--
-- Name: ix_ds_prod_isactive; Type: INDEX; Schema: agdc; Owner: -
--

CREATE INDEX ix_ds_prod_isactive ON agdc.dataset USING btree (dataset_type_ref, ((archived IS NULL)));


--
-- Name: dataset row_update_time_dataset; Type: TRIGGER; Schema: agdc; Owner: -
--

CREATE TRIGGER row_update_time_dataset BEFORE UPDATE ON agdc.dataset FOR EACH ROW EXECUTE FUNCTION agdc.set_row_update_time();


--
-- Name: dataset_type row_update_time_dataset_type; Type: TRIGGER; Schema: agdc; Owner: -
--

CREATE TRIGGER row_update_time_dataset_type BEFORE UPDATE ON agdc.dataset_type FOR EACH ROW EXECUTE FUNCTION agdc.set_row_update_time();


--
-- Name: metadata_type row_update_time_metadata_type; Type: TRIGGER; Schema: agdc; Owner: -
--

CREATE TRIGGER row_update_time_metadata_type BEFORE UPDATE ON agdc.metadata_type FOR EACH ROW EXECUTE FUNCTION agdc.set_row_update_time();


--
-- Name: dataset fk_dataset_dataset_type_ref_dataset_type; Type: FK CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset
    ADD CONSTRAINT fk_dataset_dataset_type_ref_dataset_type FOREIGN KEY (dataset_type_ref) REFERENCES agdc.dataset_type(id);


--
-- Name: dataset_location fk_dataset_location_dataset_ref_dataset; Type: FK CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_location
    ADD CONSTRAINT fk_dataset_location_dataset_ref_dataset FOREIGN KEY (dataset_ref) REFERENCES agdc.dataset(id);


--
-- Name: dataset fk_dataset_metadata_type_ref_metadata_type; Type: FK CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset
    ADD CONSTRAINT fk_dataset_metadata_type_ref_metadata_type FOREIGN KEY (metadata_type_ref) REFERENCES agdc.metadata_type(id);


--
-- Name: dataset_source fk_dataset_source_dataset_ref_dataset; Type: FK CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_source
    ADD CONSTRAINT fk_dataset_source_dataset_ref_dataset FOREIGN KEY (dataset_ref) REFERENCES agdc.dataset(id);


--
-- Name: dataset_source fk_dataset_source_source_dataset_ref_dataset; Type: FK CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_source
    ADD CONSTRAINT fk_dataset_source_source_dataset_ref_dataset FOREIGN KEY (source_dataset_ref) REFERENCES agdc.dataset(id);


--
-- Name: dataset_type fk_dataset_type_metadata_type_ref_metadata_type; Type: FK CONSTRAINT; Schema: agdc; Owner: -
--

ALTER TABLE ONLY agdc.dataset_type
    ADD CONSTRAINT fk_dataset_type_metadata_type_ref_metadata_type FOREIGN KEY (metadata_type_ref) REFERENCES agdc.metadata_type(id);


--
-- PostgreSQL database dump complete
--

\unrestrict nHZWlmiIMTX6A338k8FkOCs8XO2dX6kNJtHhNqpCx5d8HUkaPCYOH1kikE07I2W

