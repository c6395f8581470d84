--
-- PostgreSQL database dump
--

\restrict O6Vr8Q0bG3sF8TMN2ql1vqLTdDKOFEbr3FN4cIrqxMc3yMx6oAtS1vll4790cuR

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
-- Name: odc; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA odc;


--
-- Name: postgis; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;


--
-- Name: EXTENSION postgis; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION postgis IS 'PostGIS geometry and geography spatial types and functions';


--
-- Name: float8range; Type: TYPE; Schema: odc; Owner: -
--

CREATE TYPE odc.float8range AS RANGE (
    subtype = double precision,
    multirange_type_name = odc.float8multirange,
    subtype_diff = float8mi
);


--
-- Name: set_row_update_time(); Type: FUNCTION; Schema: odc; Owner: -
--

CREATE FUNCTION odc.set_row_update_time() RETURNS trigger
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
-- Name: alembic_version; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.alembic_version (
    version_num character varying(32) NOT NULL
);


--
-- Name: dataset; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.dataset (
    id uuid NOT NULL,
    metadata_type_ref smallint NOT NULL,
    product_ref smallint NOT NULL,
    metadata jsonb NOT NULL,
    archived timestamp with time zone,
    added timestamp with time zone DEFAULT now() NOT NULL,
    added_by text DEFAULT CURRENT_USER NOT NULL,
    updated timestamp with time zone DEFAULT now() NOT NULL,
    uri_scheme character varying,
    uri_body character varying
);


--
-- Name: TABLE dataset; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.dataset IS 'A dataset.';


--
-- Name: COLUMN dataset.metadata_type_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset.metadata_type_ref IS 'The metadata type - how to interpret the metadata';


--
-- Name: COLUMN dataset.product_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset.product_ref IS 'The product this dataset belongs to';


--
-- Name: COLUMN dataset.metadata; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset.metadata IS 'The dataset metadata document';


--
-- Name: COLUMN dataset.archived; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset.archived IS 'when archived, null if active';


--
-- Name: COLUMN dataset.added; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset.added IS 'when added';


--
-- Name: COLUMN dataset.added_by; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset.added_by IS 'added by whom';


--
-- Name: COLUMN dataset.updated; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset.updated IS 'when last updated';


--
-- Name: COLUMN dataset.uri_scheme; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset.uri_scheme IS 'The scheme of the uri.';


--
-- Name: COLUMN dataset.uri_body; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset.uri_body IS 'The body of the uri.

The uri scheme and body make up the base URI to find the dataset.

All paths in the dataset metadata can be computed relative to this.
(it is often the path of the source metadata file)

eg ''file:///g/data/datasets/LS8_NBAR/odc-metadata.yaml'' or ''ftp://eo.something.com/dataset''
''file'' is a scheme, ''///g/data/datasets/LS8_NBAR/odc-metadata.yaml'' is a body.';


--
-- Name: dataset_home; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.dataset_home (
    dataset_ref uuid NOT NULL,
    home text NOT NULL
);


--
-- Name: TABLE dataset_home; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.dataset_home IS 'Represents an optional ''home index'' for an external dataset';


--
-- Name: COLUMN dataset_home.dataset_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_home.dataset_ref IS 'The dataset ID - no referential integrity enforced to dataset table.';


--
-- Name: COLUMN dataset_home.home; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_home.home IS 'The ''home'' index where this dataset can be found.
Not interpreted directly by ODC, provided as a convenience to database administrators.';


--
-- Name: dataset_lineage; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.dataset_lineage (
    derived_dataset_ref uuid NOT NULL,
    source_dataset_ref uuid NOT NULL,
    classifier character varying NOT NULL
);


--
-- Name: TABLE dataset_lineage; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.dataset_lineage IS 'Represents a source-lineage relationship between two datasets';


--
-- Name: COLUMN dataset_lineage.derived_dataset_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_lineage.derived_dataset_ref IS 'The downstream derived dataset produced from the upstream source dataset.';


--
-- Name: COLUMN dataset_lineage.source_dataset_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_lineage.source_dataset_ref IS 'An upstream source dataset that the downstream derived dataset was produced from.';


--
-- Name: COLUMN dataset_lineage.classifier; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_lineage.classifier IS 'An identifier for this source dataset.
E.g. the dataset type (''ortho'', ''nbar''...) if there''s only one source of each type, or a datestamp
for a time-range summary.';


--
-- Name: dataset_search_datetime; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.dataset_search_datetime (
    dataset_ref uuid NOT NULL,
    search_key character varying NOT NULL,
    search_val tstzrange
);


--
-- Name: TABLE dataset_search_datetime; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.dataset_search_datetime IS 'Index for searching datasets by search fields of datetime type';


--
-- Name: COLUMN dataset_search_datetime.dataset_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_search_datetime.dataset_ref IS 'The dataset indexed by this search field record.';


--
-- Name: COLUMN dataset_search_datetime.search_key; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_search_datetime.search_key IS 'The name of the search field';


--
-- Name: COLUMN dataset_search_datetime.search_val; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_search_datetime.search_val IS 'The value of the datetime search field';


--
-- Name: dataset_search_num; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.dataset_search_num (
    dataset_ref uuid NOT NULL,
    search_key character varying NOT NULL,
    search_val numrange
);


--
-- Name: TABLE dataset_search_num; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.dataset_search_num IS 'Index for searching datasets by search fields of numeric type';


--
-- Name: COLUMN dataset_search_num.dataset_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_search_num.dataset_ref IS 'The dataset indexed by this search field record.';


--
-- Name: COLUMN dataset_search_num.search_key; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_search_num.search_key IS 'The name of the search field';


--
-- Name: COLUMN dataset_search_num.search_val; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_search_num.search_val IS 'The value of the numeric range search field';


--
-- Name: dataset_search_string; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.dataset_search_string (
    dataset_ref uuid NOT NULL,
    search_key character varying NOT NULL,
    search_val character varying
);


--
-- Name: TABLE dataset_search_string; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.dataset_search_string IS 'Index for searching datasets by search fields of string type';


--
-- Name: COLUMN dataset_search_string.dataset_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_search_string.dataset_ref IS 'The dataset indexed by this search field record.';


--
-- Name: COLUMN dataset_search_string.search_key; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_search_string.search_key IS 'The name of the search field';


--
-- Name: COLUMN dataset_search_string.search_val; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.dataset_search_string.search_val IS 'The value of the string search field';


--
-- Name: metadata_type; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.metadata_type (
    id smallint NOT NULL,
    name character varying,
    definition jsonb NOT NULL,
    added timestamp with time zone DEFAULT now() NOT NULL,
    added_by text DEFAULT CURRENT_USER NOT NULL,
    updated timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT alphanumeric_name CHECK (((name)::text ~* '^\w+$'::text))
);


--
-- Name: TABLE metadata_type; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.metadata_type IS 'Metadata type, defining search fields requiring dynamic indexes';


--
-- Name: COLUMN metadata_type.name; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.metadata_type.name IS 'A human-friendly name/label for this metadata type';


--
-- Name: COLUMN metadata_type.definition; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.metadata_type.definition IS 'metadata schema with search fields';


--
-- Name: COLUMN metadata_type.added; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.metadata_type.added IS 'when added';


--
-- Name: COLUMN metadata_type.added_by; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.metadata_type.added_by IS 'added by whom';


--
-- Name: COLUMN metadata_type.updated; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.metadata_type.updated IS 'when last updated';


--
-- Name: metadata_type_id_seq; Type: SEQUENCE; Schema: odc; Owner: -
--

CREATE SEQUENCE odc.metadata_type_id_seq
    AS smallint
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: metadata_type_id_seq; Type: SEQUENCE OWNED BY; Schema: odc; Owner: -
--

ALTER SEQUENCE odc.metadata_type_id_seq OWNED BY odc.metadata_type.id;


--
-- Name: product; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.product (
    id smallint NOT NULL,
    name character varying NOT NULL,
    metadata jsonb NOT NULL,
    metadata_type_ref smallint NOT NULL,
    definition jsonb NOT NULL,
    added timestamp with time zone DEFAULT now() NOT NULL,
    added_by text DEFAULT CURRENT_USER NOT NULL,
    updated timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT alphanumeric_name CHECK (((name)::text ~* '^\w+$'::text))
);


--
-- Name: TABLE product; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.product IS 'A product or dataset type, family of related datasets.';


--
-- Name: COLUMN product.name; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.product.name IS 'A human-friendly name/label for this product';


--
-- Name: COLUMN product.metadata; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.product.metadata IS 'The product metadata document (subset of the full definition)
All datasets of this type should contain these fields.
(newly-ingested datasets may be matched against these fields to determine the dataset type)';


--
-- Name: COLUMN product.metadata_type_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.product.metadata_type_ref IS 'The metadata type - how to interpret the metadata';


--
-- Name: COLUMN product.definition; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.product.definition IS 'Full product definition document';


--
-- Name: COLUMN product.added; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.product.added IS 'when added';


--
-- Name: COLUMN product.added_by; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.product.added_by IS 'added by whom';


--
-- Name: COLUMN product.updated; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.product.updated IS 'when last updated';


--
-- Name: product_id_seq; Type: SEQUENCE; Schema: odc; Owner: -
--

CREATE SEQUENCE odc.product_id_seq
    AS smallint
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: product_id_seq; Type: SEQUENCE OWNED BY; Schema: odc; Owner: -
--

ALTER SEQUENCE odc.product_id_seq OWNED BY odc.product.id;


--
-- Name: spatial_4326; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.spatial_4326 (
    dataset_ref uuid NOT NULL,
    extent public.geometry(MultiPolygon,4326) NOT NULL
);


--
-- Name: TABLE spatial_4326; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.spatial_4326 IS 'A product or dataset type, family of related datasets.';


--
-- Name: COLUMN spatial_4326.dataset_ref; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.spatial_4326.dataset_ref IS 'The dataset being indexed';


--
-- Name: COLUMN spatial_4326.extent; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.spatial_4326.extent IS 'The extent of the dataset';


--
-- Name: spatial_indicies; Type: TABLE; Schema: odc; Owner: -
--

CREATE TABLE odc.spatial_indicies (
    srid smallint NOT NULL,
    table_name character varying,
    added timestamp with time zone DEFAULT now() NOT NULL,
    added_by text DEFAULT CURRENT_USER NOT NULL
);


--
-- Name: TABLE spatial_indicies; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON TABLE odc.spatial_indicies IS 'Record of the existence of a Spatial Index Table for an SRID/CRS';


--
-- Name: COLUMN spatial_indicies.table_name; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.spatial_indicies.table_name IS 'The name of the table implementing the index - DO NOT CHANGE';


--
-- Name: COLUMN spatial_indicies.added; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.spatial_indicies.added IS 'when added';


--
-- Name: COLUMN spatial_indicies.added_by; Type: COMMENT; Schema: odc; Owner: -
--

COMMENT ON COLUMN odc.spatial_indicies.added_by IS 'added by whom';


--
-- Name: metadata_type id; Type: DEFAULT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.metadata_type ALTER COLUMN id SET DEFAULT nextval('odc.metadata_type_id_seq'::regclass);


--
-- Name: product id; Type: DEFAULT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.product ALTER COLUMN id SET DEFAULT nextval('odc.product_id_seq'::regclass);


--
-- Data for Name: alembic_version; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.alembic_version (version_num) FROM stdin;
01fa1abedd6d
\.


--
-- Data for Name: dataset; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.dataset (id, metadata_type_ref, product_ref, metadata, archived, added, added_by, updated, uri_scheme, uri_body) FROM stdin;
4599b6fb-3163-5b12-bef0-f65e3408c938	1	1	{"id": "4599b6fb-3163-5b12-bef0-f65e3408c938", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6150000, 0, 0, 1]}}, "label": "lvl1_scene_l0", "extent": {"lat": {"end": -34.78258886784601, "begin": -35.60248579395247}, "lon": {"end": 148.5454061737082, "begin": 147.5465461712478}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 6060000], [640000, 6060000], [640000, 6150000], [550000, 6150000], [550000, 6060000]]]}, "properties": {"datetime": "2020-01-03T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "090080", "odc:processing_datetime": "2020-01-05T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 6060000], [640000, 6060000], [640000, 6150000], [550000, 6150000], [550000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 6060000.0}, "lr": {"x": 640000.0, "y": 6060000.0}, "ul": {"x": 550000.0, "y": 6150000.0}, "ur": {"x": 640000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l0_nir.tif"}, "red": {"path": "l0_red.tif"}}}	\N	2026-12-06 23:12:31.114633+00	postgres	2026-12-06 23:12:31.114633+00	file	///data/lvl1/lvl1_scene_l0/odc-metadata.yaml
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	1	1	{"id": "d3eae2ce-f23b-5952-a7cf-6ed8b2733f40", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6150000, 0, 0, 1]}}, "label": "lvl1_scene_l1", "extent": {"lat": {"end": -34.77631034850929, "begin": -35.599654052461496}, "lon": {"end": 148.98673973632182, "begin": 147.9837387092908}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 6060000], [680000, 6060000], [680000, 6150000], [590000, 6150000], [590000, 6060000]]]}, "properties": {"datetime": "2020-02-04T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "091080", "odc:processing_datetime": "2020-02-06T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 6060000], [680000, 6060000], [680000, 6150000], [590000, 6150000], [590000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 6060000.0}, "lr": {"x": 680000.0, "y": 6060000.0}, "ul": {"x": 590000.0, "y": 6150000.0}, "ur": {"x": 680000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l1_nir.tif"}, "red": {"path": "l1_red.tif"}}}	\N	2026-12-06 23:12:31.328948+00	postgres	2026-12-06 23:12:31.328948+00	file	///data/lvl1/lvl1_scene_l1/odc-metadata.yaml
287daf44-e7ff-51ce-a92e-645806e1f697	1	1	{"id": "287daf44-e7ff-51ce-a92e-645806e1f697", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6150000, 0, 0, 1]}}, "label": "lvl1_scene_l2", "extent": {"lat": {"end": -34.76846517147088, "begin": -35.59520502757288}, "lon": {"end": 149.4279151492908, "begin": 148.4208551566713}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 6060000], [720000, 6060000], [720000, 6150000], [630000, 6150000], [630000, 6060000]]]}, "properties": {"datetime": "2020-03-05T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "092080", "odc:processing_datetime": "2020-03-07T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 6060000], [720000, 6060000], [720000, 6150000], [630000, 6150000], [630000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 6060000.0}, "lr": {"x": 720000.0, "y": 6060000.0}, "ul": {"x": 630000.0, "y": 6150000.0}, "ur": {"x": 720000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l2_nir.tif"}, "red": {"path": "l2_red.tif"}}}	\N	2026-12-06 23:12:31.622356+00	postgres	2026-12-06 23:12:31.622356+00	file	///data/lvl1/lvl1_scene_l2/odc-metadata.yaml
42e7d855-a2fb-5555-87d0-cda59cb2297d	1	1	{"id": "42e7d855-a2fb-5555-87d0-cda59cb2297d", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6110000, 0, 0, 1]}}, "label": "lvl1_scene_l4", "extent": {"lat": {"end": -35.143159167822944, "begin": -35.96311976609776}, "lon": {"end": 148.55239929846846, "begin": 147.5489472174626}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 6020000], [640000, 6020000], [640000, 6110000], [550000, 6110000], [550000, 6020000]]]}, "properties": {"datetime": "2020-05-07T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "090081", "odc:processing_datetime": "2020-05-09T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 6020000], [640000, 6020000], [640000, 6110000], [550000, 6110000], [550000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 6020000.0}, "lr": {"x": 640000.0, "y": 6020000.0}, "ul": {"x": 550000.0, "y": 6110000.0}, "ur": {"x": 640000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l4_nir.tif"}, "red": {"path": "l4_red.tif"}}}	\N	2026-12-06 23:12:32.035598+00	postgres	2026-12-06 23:12:32.035598+00	file	///data/lvl1/lvl1_scene_l4/odc-metadata.yaml
db55433d-246a-508d-b049-3386542af67c	1	1	{"id": "db55433d-246a-508d-b049-3386542af67c", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6150000, 0, 0, 1]}}, "label": "lvl1_scene_l3", "extent": {"lat": {"end": -34.75905531510897, "begin": -35.58913985808927}, "lon": {"end": 149.86889742823007, "begin": 148.85786174380553}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 6060000], [760000, 6060000], [760000, 6150000], [670000, 6150000], [670000, 6060000]]]}, "properties": {"datetime": "2020-04-06T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "093080", "odc:processing_datetime": "2020-04-08T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 6060000], [760000, 6060000], [760000, 6150000], [670000, 6150000], [670000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 6060000.0}, "lr": {"x": 760000.0, "y": 6060000.0}, "ul": {"x": 670000.0, "y": 6150000.0}, "ur": {"x": 760000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l3_nir.tif"}, "red": {"path": "l3_red.tif"}}}	\N	2026-12-06 23:12:31.81793+00	postgres	2026-12-06 23:12:31.81793+00	file	///data/lvl1/lvl1_scene_l3/odc-metadata.yaml
e5ea1102-342d-5214-a07e-ff67b58f7718	1	1	{"id": "e5ea1102-342d-5214-a07e-ff67b58f7718", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6110000, 0, 0, 1]}}, "label": "lvl1_scene_l5", "extent": {"lat": {"end": -35.13679645815477, "begin": -35.96025042964427}, "lon": {"end": 148.99572707605904, "begin": 147.98805980640353}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 6020000], [680000, 6020000], [680000, 6110000], [590000, 6110000], [590000, 6020000]]]}, "properties": {"datetime": "2020-06-08T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "091081", "odc:processing_datetime": "2020-06-10T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 6020000], [680000, 6020000], [680000, 6110000], [590000, 6110000], [590000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 6020000.0}, "lr": {"x": 680000.0, "y": 6020000.0}, "ul": {"x": 590000.0, "y": 6110000.0}, "ur": {"x": 680000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l5_nir.tif"}, "red": {"path": "l5_red.tif"}}}	\N	2026-12-06 23:12:32.238795+00	postgres	2026-12-06 23:12:32.238795+00	file	///data/lvl1/lvl1_scene_l5/odc-metadata.yaml
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	1	1	{"id": "cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6110000, 0, 0, 1]}}, "label": "lvl1_scene_l6", "extent": {"lat": {"end": -35.12884610114642, "begin": -35.955742343705026}, "lon": {"end": 149.43889384325342, "begin": 148.4270949578338}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 6020000], [720000, 6020000], [720000, 6110000], [630000, 6110000], [630000, 6020000]]]}, "properties": {"datetime": "2020-07-09T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "092081", "odc:processing_datetime": "2020-07-11T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 6020000], [720000, 6020000], [720000, 6110000], [630000, 6110000], [630000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 6020000.0}, "lr": {"x": 720000.0, "y": 6020000.0}, "ul": {"x": 630000.0, "y": 6110000.0}, "ur": {"x": 720000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l6_nir.tif"}, "red": {"path": "l6_red.tif"}}}	\N	2026-12-06 23:12:32.408924+00	postgres	2026-12-06 23:12:32.408924+00	file	///data/lvl1/lvl1_scene_l6/odc-metadata.yaml
d4f62221-a20b-51a1-b383-e299b9f263a8	1	1	{"id": "d4f62221-a20b-51a1-b383-e299b9f263a8", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6070000, 0, 0, 1]}}, "label": "lvl1_scene_l8", "extent": {"lat": {"end": -35.50370683057621, "begin": -36.32373186767896}, "lon": {"end": 148.55951774828557, "begin": 147.551391300279}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 5980000], [640000, 5980000], [640000, 6070000], [550000, 6070000], [550000, 5980000]]]}, "properties": {"datetime": "2020-09-11T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "090082", "odc:processing_datetime": "2020-09-13T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 5980000], [640000, 5980000], [640000, 6070000], [550000, 6070000], [550000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 5980000.0}, "lr": {"x": 640000.0, "y": 5980000.0}, "ul": {"x": 550000.0, "y": 6070000.0}, "ur": {"x": 640000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l8_nir.tif"}, "red": {"path": "l8_red.tif"}}}	\N	2026-12-06 23:12:32.713731+00	postgres	2026-12-06 23:12:32.713731+00	file	///data/lvl1/lvl1_scene_l8/odc-metadata.yaml
158f270b-93a3-56aa-a5ee-2b192ef8cf76	1	1	{"id": "158f270b-93a3-56aa-a5ee-2b192ef8cf76", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6110000, 0, 0, 1]}}, "label": "lvl1_scene_l7", "extent": {"lat": {"end": -35.11931011371829, "begin": -35.94959666939361}, "lon": {"end": 149.881863985211, "begin": 148.86601830514053}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 6020000], [760000, 6020000], [760000, 6110000], [670000, 6110000], [670000, 6020000]]]}, "properties": {"datetime": "2020-08-10T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "093081", "odc:processing_datetime": "2020-08-12T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 6020000], [760000, 6020000], [760000, 6110000], [670000, 6110000], [670000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 6020000.0}, "lr": {"x": 760000.0, "y": 6020000.0}, "ul": {"x": 670000.0, "y": 6110000.0}, "ur": {"x": 760000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l7_nir.tif"}, "red": {"path": "l7_red.tif"}}}	\N	2026-12-06 23:12:32.59693+00	postgres	2026-12-06 23:12:32.59693+00	file	///data/lvl1/lvl1_scene_l7/odc-metadata.yaml
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	1	1	{"id": "9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6070000, 0, 0, 1]}}, "label": "lvl1_scene_l9", "extent": {"lat": {"end": -35.497259198297954, "begin": -36.320824598624135}, "lon": {"end": 149.00487543969913, "begin": 147.99245834732812}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 5980000], [680000, 5980000], [680000, 6070000], [590000, 6070000], [590000, 5980000]]]}, "properties": {"datetime": "2020-10-12T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "091082", "odc:processing_datetime": "2020-10-14T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 5980000], [680000, 5980000], [680000, 6070000], [590000, 6070000], [590000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 5980000.0}, "lr": {"x": 680000.0, "y": 5980000.0}, "ul": {"x": 590000.0, "y": 6070000.0}, "ur": {"x": 680000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l9_nir.tif"}, "red": {"path": "l9_red.tif"}}}	\N	2026-12-06 23:12:32.784066+00	postgres	2026-12-06 23:12:32.784066+00	file	///data/lvl1/lvl1_scene_l9/odc-metadata.yaml
d2d29ad2-8a07-510c-838b-b2083c6ec29a	1	1	{"id": "d2d29ad2-8a07-510c-838b-b2083c6ec29a", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6070000, 0, 0, 1]}}, "label": "lvl1_scene_l10", "extent": {"lat": {"end": -35.48920274721566, "begin": -36.31625692142841}, "lon": {"end": 149.45006917892505, "begin": 148.43344657221098}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 5980000], [720000, 5980000], [720000, 6070000], [630000, 6070000], [630000, 5980000]]]}, "properties": {"datetime": "2020-11-13T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "092082", "odc:processing_datetime": "2020-11-15T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 5980000], [720000, 5980000], [720000, 6070000], [630000, 6070000], [630000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 5980000.0}, "lr": {"x": 720000.0, "y": 5980000.0}, "ul": {"x": 630000.0, "y": 6070000.0}, "ur": {"x": 720000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l10_nir.tif"}, "red": {"path": "l10_red.tif"}}}	\N	2026-12-06 23:12:32.903667+00	postgres	2026-12-06 23:12:32.903667+00	file	///data/lvl1/lvl1_scene_l10/odc-metadata.yaml
628f5d15-bc63-52a2-86c6-67a6994a8b4c	1	1	{"id": "628f5d15-bc63-52a2-86c6-67a6994a8b4c", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6030000, 0, 0, 1]}}, "label": "lvl1_scene_l12", "extent": {"lat": {"end": -35.86423173712084, "begin": -36.68432200951839}, "lon": {"end": 148.56676381436486, "begin": 147.5538791894647}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 5940000], [640000, 5940000], [640000, 6030000], [550000, 6030000], [550000, 5940000]]]}, "properties": {"datetime": "2020-01-15T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "090083", "odc:processing_datetime": "2020-01-17T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 5940000], [640000, 5940000], [640000, 6030000], [550000, 6030000], [550000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 5940000.0}, "lr": {"x": 640000.0, "y": 5940000.0}, "ul": {"x": 550000.0, "y": 6030000.0}, "ur": {"x": 640000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l12_nir.tif"}, "red": {"path": "l12_red.tif"}}}	\N	2026-12-06 23:12:33.116952+00	postgres	2026-12-06 23:12:33.116952+00	file	///data/lvl1/lvl1_scene_l12/odc-metadata.yaml
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	1	1	{"id": "d9c2d004-45c6-5757-bcf9-ecb1f5f0281a", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6070000, 0, 0, 1]}}, "label": "lvl1_scene_l11", "extent": {"lat": {"end": -35.47953953361833, "begin": -36.31003002000811}, "lon": {"end": 149.89506270287418, "begin": 148.87432099454588}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 5980000], [760000, 5980000], [760000, 6070000], [670000, 6070000], [670000, 5980000]]]}, "properties": {"datetime": "2020-12-14T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "093082", "odc:processing_datetime": "2020-12-16T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 5980000], [760000, 5980000], [760000, 6070000], [670000, 6070000], [670000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 5980000.0}, "lr": {"x": 760000.0, "y": 5980000.0}, "ul": {"x": 670000.0, "y": 6070000.0}, "ur": {"x": 760000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l11_nir.tif"}, "red": {"path": "l11_red.tif"}}}	\N	2026-12-06 23:12:33.005527+00	postgres	2026-12-06 23:12:33.005527+00	file	///data/lvl1/lvl1_scene_l11/odc-metadata.yaml
2f855e15-d365-5f65-9c05-ee93415e5c19	1	1	{"id": "2f855e15-d365-5f65-9c05-ee93415e5c19", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6030000, 0, 0, 1]}}, "label": "lvl1_scene_l13", "extent": {"lat": {"end": -35.85769843336268, "begin": -36.6813764625189}, "lon": {"end": 149.01418776948145, "begin": 147.99693571692586}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 5940000], [680000, 5940000], [680000, 6030000], [590000, 6030000], [590000, 5940000]]]}, "properties": {"datetime": "2020-02-16T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "091083", "odc:processing_datetime": "2020-02-18T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 5940000], [680000, 5940000], [680000, 6030000], [590000, 6030000], [590000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 5940000.0}, "lr": {"x": 680000.0, "y": 5940000.0}, "ul": {"x": 590000.0, "y": 6030000.0}, "ur": {"x": 680000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l13_nir.tif"}, "red": {"path": "l13_red.tif"}}}	\N	2026-12-06 23:12:33.278514+00	postgres	2026-12-06 23:12:33.278514+00	file	///data/lvl1/lvl1_scene_l13/odc-metadata.yaml
edfa1048-f107-5623-936d-0025d8631c3a	1	1	{"id": "edfa1048-f107-5623-936d-0025d8631c3a", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6030000, 0, 0, 1]}}, "label": "lvl1_scene_l14", "extent": {"lat": {"end": -35.84953495340485, "begin": -36.67674865176615}, "lon": {"end": 149.46144474689135, "begin": 148.43991199852385}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 5940000], [720000, 5940000], [720000, 6030000], [630000, 6030000], [630000, 5940000]]]}, "properties": {"datetime": "2020-03-17T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "092083", "odc:processing_datetime": "2020-03-19T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 5940000], [720000, 5940000], [720000, 6030000], [630000, 6030000], [630000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 5940000.0}, "lr": {"x": 720000.0, "y": 5940000.0}, "ul": {"x": 630000.0, "y": 6030000.0}, "ur": {"x": 720000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l14_nir.tif"}, "red": {"path": "l14_red.tif"}}}	\N	2026-12-06 23:12:33.407491+00	postgres	2026-12-06 23:12:33.407491+00	file	///data/lvl1/lvl1_scene_l14/odc-metadata.yaml
babe9a43-302c-5b4a-881e-96c320c11a7c	1	1	{"id": "babe9a43-302c-5b4a-881e-96c320c11a7c", "crs": "epsg:32760", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 790000, 0, -30, 8000000, 0, 0, 1]}}, "label": "lvl1_scene_antimeridian", "extent": {"lat": {"end": -18.055339258167795, "begin": -18.88175931948521}, "lon": {"end": 180.5887696377908, "begin": 179.75256522800734}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[790000, 7910000], [880000, 7910000], [880000, 8000000], [790000, 8000000], [790000, 7910000]]]}, "properties": {"datetime": "2020-06-15T10:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "antimeridian", "odc:processing_datetime": "2020-06-16T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[790000, 7910000], [880000, 7910000], [880000, 8000000], [790000, 8000000], [790000, 7910000]]]}, "geo_ref_points": {"ll": {"x": 790000.0, "y": 7910000.0}, "lr": {"x": 880000.0, "y": 7910000.0}, "ul": {"x": 790000.0, "y": 8000000.0}, "ur": {"x": 880000.0, "y": 8000000.0}}, "spatial_reference": "epsg:32760"}}, "measurements": {"nir": {"path": "antimeridian_nir.tif"}, "red": {"path": "antimeridian_red.tif"}}}	\N	2026-12-06 23:12:33.594762+00	postgres	2026-12-06 23:12:33.594762+00	file	///data/lvl1/lvl1_scene_antimeridian/odc-metadata.yaml
77a1b391-950f-5eae-a7c9-ad6b3a47f722	1	1	{"id": "77a1b391-950f-5eae-a7c9-ad6b3a47f722", "crs": "epsg:32755", "grids": {"default": {"shape": [2000, 2000], "transform": [30, 0, 700000, 0, -30, 6100000, 0, 0, 1]}}, "label": "lvl1_scene_ranged", "extent": {"lat": {"end": -35.209369855041224, "begin": -35.763725500269416}, "lon": {"end": 149.87535194676803, "begin": 149.19754165339828}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[700000, 6040000], [760000, 6040000], [760000, 6100000], [700000, 6100000], [700000, 6040000]]]}, "properties": {"datetime": "2021-03-10T00:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "ranged", "dtr:end_datetime": "2021-03-20T12:00:00Z", "dtr:start_datetime": "2021-03-01T00:00:00Z", "odc:processing_datetime": "2021-03-21T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[700000, 6040000], [760000, 6040000], [760000, 6100000], [700000, 6100000], [700000, 6040000]]]}, "geo_ref_points": {"ll": {"x": 700000.0, "y": 6040000.0}, "lr": {"x": 760000.0, "y": 6040000.0}, "ul": {"x": 700000.0, "y": 6100000.0}, "ur": {"x": 760000.0, "y": 6100000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "ranged_nir.tif"}, "red": {"path": "ranged_red.tif"}}}	\N	2026-12-06 23:12:33.708234+00	postgres	2026-12-06 23:12:33.708234+00	file	///data/lvl1/lvl1_scene_ranged/odc-metadata.yaml
96c3a498-69ff-5c0b-a499-760eefc468d7	2	2	{"id": "96c3a498-69ff-5c0b-a499-760eefc468d7", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6150000, 0, 0, 1]}}, "label": "ard_scene_a0", "extent": {"lat": {"end": -34.78258886784601, "begin": -35.60248579395247}, "lon": {"end": 148.5454061737082, "begin": 147.5465461712478}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-01-03T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 0.0, "odc:file_format": "GeoTIFF", "odc:region_code": "090080", "eo:sun_elevation": 20.0, "landsat:wrs_path": 90, "landsat:thermal_gsd": 100.0, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-01-01T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000.0, 6150000.0], [640000.0, 6150000.0], [640000.0, 6060000.0], [550000.0, 6060000.0], [550000.0, 6150000.0]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 6060000.0}, "lr": {"x": 640000.0, "y": 6060000.0}, "ul": {"x": 550000.0, "y": 6150000.0}, "ur": {"x": 640000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a0_nir.tif"}, "red": {"path": "a0_red.tif"}, "fmask": {"path": "a0_fmask.tif"}}}	\N	2026-12-06 23:12:33.783137+00	postgres	2026-12-06 23:12:33.783137+00	s3	//ard-bucket/ard_scene_a0/odc-metadata.yaml
5e7f4b4c-1317-57ad-b941-087a69251efc	2	2	{"id": "5e7f4b4c-1317-57ad-b941-087a69251efc", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6150000, 0, 0, 1]}}, "label": "ard_scene_a2", "extent": {"lat": {"end": -34.76846517147088, "begin": -35.59520502757288}, "lon": {"end": 149.4279151492908, "begin": 148.4208551566713}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 6060000], [720000, 6060000], [720000, 6150000], [630000, 6150000], [630000, 6060000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-03-05T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 12.5, "odc:file_format": "GeoTIFF", "odc:region_code": "092080", "eo:sun_elevation": 25.0, "landsat:wrs_path": 92, "dea:dataset_maturity": "interim", "odc:processing_datetime": "2021-03-03T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 6060000], [720000, 6060000], [720000, 6150000], [630000, 6150000], [630000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 6060000.0}, "lr": {"x": 720000.0, "y": 6060000.0}, "ul": {"x": 630000.0, "y": 6150000.0}, "ur": {"x": 720000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a2_nir.tif"}, "red": {"path": "a2_red.tif"}, "fmask": {"path": "a2_fmask.tif"}}}	\N	2026-12-06 23:12:34.074898+00	postgres	2026-12-06 23:12:34.074898+00	s3	//ard-bucket/ard_scene_a2/odc-metadata.yaml
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	2	2	{"id": "898d4afd-9f5e-5ed9-8b04-3852af7b6ca5", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6150000, 0, 0, 1]}}, "label": "ard_scene_a3", "extent": {"lat": {"end": -34.75905531510897, "begin": -35.58913985808927}, "lon": {"end": 149.86889742823007, "begin": 148.85786174380553}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-04-06T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 18.75, "odc:file_format": "GeoTIFF", "odc:region_code": "093080", "eo:sun_elevation": 27.5, "landsat:wrs_path": 93, "dea:dataset_maturity": "nrt", "odc:processing_datetime": "2021-04-04T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000.0, 6150000.0], [760000.0, 6150000.0], [760000.0, 6060000.0], [670000.0, 6060000.0], [670000.0, 6150000.0]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 6060000.0}, "lr": {"x": 760000.0, "y": 6060000.0}, "ul": {"x": 670000.0, "y": 6150000.0}, "ur": {"x": 760000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a3_nir.tif"}, "red": {"path": "a3_red.tif"}, "fmask": {"path": "a3_fmask.tif"}}}	\N	2026-12-06 23:12:34.206871+00	postgres	2026-12-06 23:12:34.206871+00	s3	//ard-bucket/ard_scene_a3/odc-metadata.yaml
66a65bbd-4114-5e12-add6-cd161aac635d	2	2	{"id": "66a65bbd-4114-5e12-add6-cd161aac635d", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6150000, 0, 0, 1]}}, "label": "ard_scene_a1", "extent": {"lat": {"end": -34.77631034850929, "begin": -35.599654052461496}, "lon": {"end": 148.98673973632182, "begin": 147.9837387092908}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 6060000], [680000, 6060000], [680000, 6150000], [590000, 6150000], [590000, 6060000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-02-04T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 6.25, "odc:file_format": "GeoTIFF", "odc:region_code": "091080", "eo:sun_elevation": 22.5, "landsat:wrs_path": 91, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-02-02T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 6060000], [680000, 6060000], [680000, 6150000], [590000, 6150000], [590000, 6060000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 6060000.0}, "lr": {"x": 680000.0, "y": 6060000.0}, "ul": {"x": 590000.0, "y": 6150000.0}, "ur": {"x": 680000.0, "y": 6150000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a1_nir.tif"}, "red": {"path": "a1_red.tif"}, "fmask": {"path": "a1_fmask.tif"}}}	2026-12-06 23:12:38.886778+00	2026-12-06 23:12:33.928963+00	postgres	2026-12-06 23:12:38.886778+00	s3	//ard-bucket/ard_scene_a1/odc-metadata.yaml
65751a7b-bc19-5d3d-9ee3-0773d7564b36	2	2	{"id": "65751a7b-bc19-5d3d-9ee3-0773d7564b36", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6110000, 0, 0, 1]}}, "label": "ard_scene_a4", "extent": {"lat": {"end": -35.143159167822944, "begin": -35.96311976609776}, "lon": {"end": 148.55239929846846, "begin": 147.5489472174626}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 6020000], [640000, 6020000], [640000, 6110000], [550000, 6110000], [550000, 6020000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-05-07T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 25.0, "odc:file_format": "GeoTIFF", "odc:region_code": "090081", "eo:sun_elevation": 30.0, "landsat:wrs_path": 90, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-05-05T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 6020000], [640000, 6020000], [640000, 6110000], [550000, 6110000], [550000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 6020000.0}, "lr": {"x": 640000.0, "y": 6020000.0}, "ul": {"x": 550000.0, "y": 6110000.0}, "ur": {"x": 640000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a4_nir.tif"}, "red": {"path": "a4_red.tif"}, "fmask": {"path": "a4_fmask.tif"}}}	\N	2026-12-06 23:12:34.34423+00	postgres	2026-12-06 23:12:34.34423+00	s3	//ard-bucket/ard_scene_a4/odc-metadata.yaml
cf12b339-99af-5fec-bfd6-e28bf813ee2e	2	2	{"id": "cf12b339-99af-5fec-bfd6-e28bf813ee2e", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6110000, 0, 0, 1]}}, "label": "ard_scene_a6", "extent": {"lat": {"end": -35.12884610114642, "begin": -35.955742343705026}, "lon": {"end": 149.43889384325342, "begin": 148.4270949578338}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-07-09T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 37.5, "odc:file_format": "GeoTIFF", "odc:region_code": "092081", "eo:sun_elevation": 35.0, "landsat:wrs_path": 92, "dea:dataset_maturity": "interim", "odc:processing_datetime": "2021-07-07T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000.0, 6110000.0], [720000.0, 6110000.0], [720000.0, 6020000.0], [630000.0, 6020000.0], [630000.0, 6110000.0]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 6020000.0}, "lr": {"x": 720000.0, "y": 6020000.0}, "ul": {"x": 630000.0, "y": 6110000.0}, "ur": {"x": 720000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a6_nir.tif"}, "red": {"path": "a6_red.tif"}, "fmask": {"path": "a6_fmask.tif"}}}	\N	2026-12-06 23:12:34.572387+00	postgres	2026-12-06 23:12:34.572387+00	s3	//ard-bucket/ard_scene_a6/odc-metadata.yaml
e066d3d4-fcad-562e-a159-1987c6e527cd	2	2	{"id": "e066d3d4-fcad-562e-a159-1987c6e527cd", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6110000, 0, 0, 1]}}, "label": "ard_scene_a5", "extent": {"lat": {"end": -35.13679645815477, "begin": -35.96025042964427}, "lon": {"end": 148.99572707605904, "begin": 147.98805980640353}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 6020000], [680000, 6020000], [680000, 6110000], [590000, 6110000], [590000, 6020000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-06-08T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 31.25, "odc:file_format": "GeoTIFF", "odc:region_code": "091081", "eo:sun_elevation": 32.5, "landsat:wrs_path": 91, "landsat:thermal_gsd": 100.0, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-06-06T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 6020000], [680000, 6020000], [680000, 6110000], [590000, 6110000], [590000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 6020000.0}, "lr": {"x": 680000.0, "y": 6020000.0}, "ul": {"x": 590000.0, "y": 6110000.0}, "ur": {"x": 680000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a5_nir.tif"}, "red": {"path": "a5_red.tif"}, "fmask": {"path": "a5_fmask.tif"}}}	\N	2026-12-06 23:12:34.458211+00	postgres	2026-12-06 23:12:34.458211+00	s3	//ard-bucket/ard_scene_a5/odc-metadata.yaml
f67e7bef-6748-521f-b529-99a40f1e2dd5	2	2	{"id": "f67e7bef-6748-521f-b529-99a40f1e2dd5", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6070000, 0, 0, 1]}}, "label": "ard_scene_a8", "extent": {"lat": {"end": -35.50370683057621, "begin": -36.32373186767896}, "lon": {"end": 148.55951774828557, "begin": 147.551391300279}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 5980000], [640000, 5980000], [640000, 6070000], [550000, 6070000], [550000, 5980000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-09-11T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 50.0, "odc:file_format": "GeoTIFF", "odc:region_code": "090082", "eo:sun_elevation": 40.0, "landsat:wrs_path": 90, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-09-09T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 5980000], [640000, 5980000], [640000, 6070000], [550000, 6070000], [550000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 5980000.0}, "lr": {"x": 640000.0, "y": 5980000.0}, "ul": {"x": 550000.0, "y": 6070000.0}, "ur": {"x": 640000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a8_nir.tif"}, "red": {"path": "a8_red.tif"}, "fmask": {"path": "a8_fmask.tif"}}}	\N	2026-12-06 23:12:34.804209+00	postgres	2026-12-06 23:12:34.804209+00	s3	//ard-bucket/ard_scene_a8/odc-metadata.yaml
22f8a165-6a31-51e1-b46b-09466ea0ff76	2	2	{"id": "22f8a165-6a31-51e1-b46b-09466ea0ff76", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6070000, 0, 0, 1]}}, "label": "ard_scene_a10", "extent": {"lat": {"end": -35.48920274721566, "begin": -36.31625692142841}, "lon": {"end": 149.45006917892505, "begin": 148.43344657221098}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 5980000], [720000, 5980000], [720000, 6070000], [630000, 6070000], [630000, 5980000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-11-13T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 62.5, "odc:file_format": "GeoTIFF", "odc:region_code": "092082", "eo:sun_elevation": 45.0, "landsat:wrs_path": 92, "landsat:thermal_gsd": 100.0, "dea:dataset_maturity": "interim", "odc:processing_datetime": "2021-02-02T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 5980000], [720000, 5980000], [720000, 6070000], [630000, 6070000], [630000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 5980000.0}, "lr": {"x": 720000.0, "y": 5980000.0}, "ul": {"x": 630000.0, "y": 6070000.0}, "ur": {"x": 720000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a10_nir.tif"}, "red": {"path": "a10_red.tif"}, "fmask": {"path": "a10_fmask.tif"}}}	\N	2026-12-06 23:12:35.143439+00	postgres	2026-12-06 23:12:35.143439+00	s3	//ard-bucket/ard_scene_a10/odc-metadata.yaml
65f84e7d-6998-5aa0-aaa4-59e48cee1312	2	2	{"id": "65f84e7d-6998-5aa0-aaa4-59e48cee1312", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6070000, 0, 0, 1]}}, "label": "ard_scene_a9", "extent": {"lat": {"end": -35.497259198297954, "begin": -36.320824598624135}, "lon": {"end": 149.00487543969913, "begin": 147.99245834732812}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-10-12T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 56.25, "odc:file_format": "GeoTIFF", "odc:region_code": "091082", "eo:sun_elevation": 42.5, "landsat:wrs_path": 91, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-01-01T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000.0, 6070000.0], [680000.0, 6070000.0], [680000.0, 5980000.0], [590000.0, 5980000.0], [590000.0, 6070000.0]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 5980000.0}, "lr": {"x": 680000.0, "y": 5980000.0}, "ul": {"x": 590000.0, "y": 6070000.0}, "ur": {"x": 680000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a9_nir.tif"}, "red": {"path": "a9_red.tif"}, "fmask": {"path": "a9_fmask.tif"}}}	\N	2026-12-06 23:12:34.980714+00	postgres	2026-12-06 23:12:34.980714+00	s3	//ard-bucket/ard_scene_a9/odc-metadata.yaml
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	2	2	{"id": "28cc0fe4-918e-5fde-9418-4e35b5db2fc6", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6070000, 0, 0, 1]}}, "label": "ard_scene_a11", "extent": {"lat": {"end": -35.47953953361833, "begin": -36.31003002000811}, "lon": {"end": 149.89506270287418, "begin": 148.87432099454588}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 5980000], [760000, 5980000], [760000, 6070000], [670000, 6070000], [670000, 5980000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-12-14T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 68.75, "odc:file_format": "GeoTIFF", "odc:region_code": "093082", "eo:sun_elevation": 47.5, "landsat:wrs_path": 93, "dea:dataset_maturity": "nrt", "odc:processing_datetime": "2021-03-03T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 5980000], [760000, 5980000], [760000, 6070000], [670000, 6070000], [670000, 5980000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 5980000.0}, "lr": {"x": 760000.0, "y": 5980000.0}, "ul": {"x": 670000.0, "y": 6070000.0}, "ur": {"x": 760000.0, "y": 6070000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a11_nir.tif"}, "red": {"path": "a11_red.tif"}, "fmask": {"path": "a11_fmask.tif"}}}	\N	2026-12-06 23:12:35.263751+00	postgres	2026-12-06 23:12:35.263751+00	s3	//ard-bucket/ard_scene_a11/odc-metadata.yaml
1f902120-fb2c-5647-b7a4-9da287727ee6	2	2	{"id": "1f902120-fb2c-5647-b7a4-9da287727ee6", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 550000, 0, -30, 6030000, 0, 0, 1]}}, "label": "ard_scene_a12", "extent": {"lat": {"end": -35.86423173712084, "begin": -36.68432200951839}, "lon": {"end": 148.56676381436486, "begin": 147.5538791894647}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-01-15T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 75.0, "odc:file_format": "GeoTIFF", "odc:region_code": "090083", "eo:sun_elevation": 50.0, "landsat:wrs_path": 90, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-04-04T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000.0, 6030000.0], [640000.0, 6030000.0], [640000.0, 5940000.0], [550000.0, 5940000.0], [550000.0, 6030000.0]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 5940000.0}, "lr": {"x": 640000.0, "y": 5940000.0}, "ul": {"x": 550000.0, "y": 6030000.0}, "ur": {"x": 640000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a12_nir.tif"}, "red": {"path": "a12_red.tif"}, "fmask": {"path": "a12_fmask.tif"}}}	\N	2026-12-06 23:12:35.424735+00	postgres	2026-12-06 23:12:35.424735+00	s3	//ard-bucket/ard_scene_a12/odc-metadata.yaml
664a592b-37da-5c2f-aa10-61e13af75503	2	2	{"id": "664a592b-37da-5c2f-aa10-61e13af75503", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 630000, 0, -30, 6030000, 0, 0, 1]}}, "label": "ard_scene_a14", "extent": {"lat": {"end": -35.84953495340485, "begin": -36.67674865176615}, "lon": {"end": 149.46144474689135, "begin": 148.43991199852385}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[630000, 5940000], [720000, 5940000], [720000, 6030000], [630000, 6030000], [630000, 5940000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-03-17T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 87.5, "odc:file_format": "GeoTIFF", "odc:region_code": "092083", "eo:sun_elevation": 55.0, "landsat:wrs_path": 92, "dea:dataset_maturity": "interim", "odc:processing_datetime": "2021-06-06T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[630000, 5940000], [720000, 5940000], [720000, 6030000], [630000, 6030000], [630000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 630000.0, "y": 5940000.0}, "lr": {"x": 720000.0, "y": 5940000.0}, "ul": {"x": 630000.0, "y": 6030000.0}, "ur": {"x": 720000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a14_nir.tif"}, "red": {"path": "a14_red.tif"}, "fmask": {"path": "a14_fmask.tif"}}}	\N	2026-12-06 23:12:35.726923+00	postgres	2026-12-06 23:12:35.726923+00	s3	//ard-bucket/ard_scene_a14/odc-metadata.yaml
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	2	2	{"id": "dcf3e85f-e5a3-5d4b-81e4-feae835d36ad", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 590000, 0, -30, 6030000, 0, 0, 1]}}, "label": "ard_scene_a13", "extent": {"lat": {"end": -35.85769843336268, "begin": -36.6813764625189}, "lon": {"end": 149.01418776948145, "begin": 147.99693571692586}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[590000, 5940000], [680000, 5940000], [680000, 6030000], [590000, 6030000], [590000, 5940000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-02-16T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 81.25, "odc:file_format": "GeoTIFF", "odc:region_code": "091083", "eo:sun_elevation": 52.5, "landsat:wrs_path": 91, "dea:dataset_maturity": "final", "odc:processing_datetime": "2021-05-05T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[590000, 5940000], [680000, 5940000], [680000, 6030000], [590000, 6030000], [590000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 590000.0, "y": 5940000.0}, "lr": {"x": 680000.0, "y": 5940000.0}, "ul": {"x": 590000.0, "y": 6030000.0}, "ur": {"x": 680000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a13_nir.tif"}, "red": {"path": "a13_red.tif"}, "fmask": {"path": "a13_fmask.tif"}}}	\N	2026-12-06 23:12:35.572951+00	postgres	2026-12-06 23:12:35.572951+00	s3	//ard-bucket/ard_scene_a13/odc-metadata.yaml
a395abea-8ba8-5ee1-9753-5185611504d1	2	2	{"id": "a395abea-8ba8-5ee1-9753-5185611504d1", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6030000, 0, 0, 1]}}, "label": "ard_scene_a15", "extent": {"lat": {"end": -35.83974339375885, "begin": -36.67043978448762}, "lon": {"end": 149.90849781687697, "begin": 148.88277242282305}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "properties": {"eo:gsd": 30.0, "datetime": "2020-04-18T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 93.75, "odc:file_format": "GeoTIFF", "odc:region_code": "093083", "eo:sun_elevation": 57.5, "landsat:wrs_path": 93, "landsat:thermal_gsd": 100.0, "dea:dataset_maturity": "nrt", "odc:processing_datetime": "2021-07-07T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000.0, 6030000.0], [760000.0, 6030000.0], [760000.0, 5940000.0], [670000.0, 5940000.0], [670000.0, 6030000.0]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 5940000.0}, "lr": {"x": 760000.0, "y": 5940000.0}, "ul": {"x": 670000.0, "y": 6030000.0}, "ur": {"x": 760000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a15_nir.tif"}, "red": {"path": "a15_red.tif"}, "fmask": {"path": "a15_fmask.tif"}}}	\N	2026-12-06 23:12:35.990923+00	postgres	2026-12-06 23:12:35.990923+00	s3	//ard-bucket/ard_scene_a15/odc-metadata.yaml
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	2	2	{"id": "d544eb73-3761-5dd9-8e7e-5868bfb0ac4b", "crs": "epsg:32755", "grids": {"default": {"shape": [2000, 2000], "transform": [30, 0, 550000, 0, -30, 6230000, 0, 0, 1]}}, "label": "ard_scene_from_external", "extent": {"lat": {"end": -34.0649632005083, "begin": -34.61063036816408}, "lon": {"end": 148.19970320032556, "begin": 147.54187021401367}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[550000, 6170000], [610000, 6170000], [610000, 6230000], [550000, 6230000], [550000, 6170000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-11-11T00:00:00Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "external", "eo:sun_elevation": 45.0, "landsat:wrs_path": 90, "dea:dataset_maturity": "final", "odc:processing_datetime": "2020-11-12T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[550000, 6170000], [610000, 6170000], [610000, 6230000], [550000, 6230000], [550000, 6170000]]]}, "geo_ref_points": {"ll": {"x": 550000.0, "y": 6170000.0}, "lr": {"x": 610000.0, "y": 6170000.0}, "ul": {"x": 550000.0, "y": 6230000.0}, "ur": {"x": 610000.0, "y": 6230000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "from_external_nir.tif"}, "red": {"path": "from_external_red.tif"}, "fmask": {"path": "from_external_fmask.tif"}}}	\N	2026-12-06 23:12:36.16206+00	postgres	2026-12-06 23:12:36.16206+00	s3	//ard-bucket/ard_scene_from_external/odc-metadata.yaml
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	1	3	{"id": "2e85fa3c-276d-5fd3-bba8-f61b10e7cade", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 400000, 0, -20, 6300000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 400000, 0, -10, 6300000, 0, 0, 1]}}, "label": "s2_tiles_s1", "extent": {"lat": {"end": -33.434728825384155, "begin": -34.42963606798122}, "lon": {"end": 147.10666048161795, "begin": 145.9117134762608}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "properties": {"datetime": "2021-02-03T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 8.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HB", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[400000.0, 6300000.0], [509800.0, 6300000.0], [509800.0, 6190200.0], [400000.0, 6190200.0], [400000.0, 6300000.0]]]}, "geo_ref_points": {"ll": {"x": 400000.0, "y": 6190200.0}, "lr": {"x": 509800.0, "y": 6190200.0}, "ul": {"x": 400000.0, "y": 6300000.0}, "ur": {"x": 509800.0, "y": 6300000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s1_blue.tif"}, "swir": {"grid": "coarse", "path": "s1_swir.tif"}}}	\N	2026-12-06 23:12:36.451563+00	postgres	2026-12-06 23:12:36.451563+00	https	//example.org/s2/s2_tiles_s1.json
4a1f16be-f557-53c1-b44a-56a1804c254e	1	3	{"id": "4a1f16be-f557-53c1-b44a-56a1804c254e", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 300000, 0, -20, 6300000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 300000, 0, -10, 6300000, 0, 0, 1]}}, "label": "s2_tiles_s0", "extent": {"lat": {"end": -33.42073849032199, "begin": -34.4257428384182}, "lon": {"end": 152.02964694927755, "begin": 150.82394605974082}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[300000, 6190200], [409800, 6190200], [409800, 6300000], [300000, 6300000], [300000, 6190200]]]}, "properties": {"datetime": "2021-01-01T00:05:30+10:00", "eo:platform": "sentinel-2b", "eo:cloud_cover": 0.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HA", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[300000, 6190200], [409800, 6190200], [409800, 6300000], [300000, 6300000], [300000, 6190200]]]}, "geo_ref_points": {"ll": {"x": 300000.0, "y": 6190200.0}, "lr": {"x": 409800.0, "y": 6190200.0}, "ul": {"x": 300000.0, "y": 6300000.0}, "ur": {"x": 409800.0, "y": 6300000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s0_blue.tif"}, "swir": {"grid": "coarse", "path": "s0_swir.tif"}}}	\N	2026-12-06 23:12:36.335852+00	postgres	2026-12-06 23:12:36.335852+00	https	//example.org/s2/s2_tiles_s0.json
12be0b77-bec0-5bdf-95bb-d29612c5629f	1	3	{"id": "12be0b77-bec0-5bdf-95bb-d29612c5629f", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 500000, 0, -20, 6300000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 500000, 0, -10, 6300000, 0, 0, 1]}}, "label": "s2_tiles_s2", "extent": {"lat": {"end": -33.43376965746705, "begin": -34.42968257862344}, "lon": {"end": 154.19491906328653, "begin": 153.0}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[500000, 6190200], [609800, 6190200], [609800, 6300000], [500000, 6300000], [500000, 6190200]]]}, "properties": {"datetime": "2021-03-05T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 16.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HC", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[500000, 6190200], [609800, 6190200], [609800, 6300000], [500000, 6300000], [500000, 6190200]]]}, "geo_ref_points": {"ll": {"x": 500000.0, "y": 6190200.0}, "lr": {"x": 609800.0, "y": 6190200.0}, "ul": {"x": 500000.0, "y": 6300000.0}, "ur": {"x": 609800.0, "y": 6300000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s2_blue.tif"}, "swir": {"grid": "coarse", "path": "s2_swir.tif"}}}	\N	2026-12-06 23:12:36.612114+00	postgres	2026-12-06 23:12:36.612114+00	https	//example.org/s2/s2_tiles_s2.json
0e800198-859c-5244-a8f4-ec5c239f8fbc	1	3	{"id": "0e800198-859c-5244-a8f4-ec5c239f8fbc", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 400000, 0, -20, 6200000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 400000, 0, -10, 6200000, 0, 0, 1]}}, "label": "s2_tiles_s4", "extent": {"lat": {"end": -34.33647641476005, "begin": -35.33139635483415}, "lon": {"end": 153.10783184689114, "begin": 151.89976460481054}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[400000, 6090200], [509800, 6090200], [509800, 6200000], [400000, 6200000], [400000, 6090200]]]}, "properties": {"datetime": "2021-05-09T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 32.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HE", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[400000, 6090200], [509800, 6090200], [509800, 6200000], [400000, 6200000], [400000, 6090200]]]}, "geo_ref_points": {"ll": {"x": 400000.0, "y": 6090200.0}, "lr": {"x": 509800.0, "y": 6090200.0}, "ul": {"x": 400000.0, "y": 6200000.0}, "ur": {"x": 509800.0, "y": 6200000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s4_blue.tif"}, "swir": {"grid": "coarse", "path": "s4_swir.tif"}}}	2026-12-06 23:12:38.886778+00	2026-12-06 23:12:36.904349+00	postgres	2026-12-06 23:12:38.886778+00	https	//example.org/s2/s2_tiles_s4.json
4ae10334-a4c0-552d-8670-4af461a0beb4	1	3	{"id": "4ae10334-a4c0-552d-8670-4af461a0beb4", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 300000, 0, -20, 6200000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 300000, 0, -10, 6200000, 0, 0, 1]}}, "label": "s2_tiles_s3", "extent": {"lat": {"end": -34.32200505219241, "begin": -35.32737109357555}, "lon": {"end": 146.0193817651493, "begin": 144.80007152707861}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[300000, 6090200], [409800, 6090200], [409800, 6200000], [300000, 6200000], [300000, 6090200]]]}, "properties": {"datetime": "2021-04-07T00:05:30+10:00", "eo:platform": "sentinel-2b", "eo:cloud_cover": 24.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HD", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[300000, 6090200], [409800, 6090200], [409800, 6200000], [300000, 6200000], [300000, 6090200]]]}, "geo_ref_points": {"ll": {"x": 300000.0, "y": 6090200.0}, "lr": {"x": 409800.0, "y": 6090200.0}, "ul": {"x": 300000.0, "y": 6200000.0}, "ur": {"x": 409800.0, "y": 6200000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s3_blue.tif"}, "swir": {"grid": "coarse", "path": "s3_swir.tif"}}}	\N	2026-12-06 23:12:36.79691+00	postgres	2026-12-06 23:12:36.79691+00	https	//example.org/s2/s2_tiles_s3.json
602acc21-799c-58a2-9a20-f599a3c66a20	1	3	{"id": "602acc21-799c-58a2-9a20-f599a3c66a20", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 500000, 0, -20, 6200000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 500000, 0, -10, 6200000, 0, 0, 1]}}, "label": "s2_tiles_s5", "extent": {"lat": {"end": -34.335484262796534, "begin": -35.33144444287594}, "lon": {"end": 148.20803805017155, "begin": 146.99999999999997}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "properties": {"datetime": "2021-06-11T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 40.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HF", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[500000.0, 6200000.0], [609800.0, 6200000.0], [609800.0, 6090200.0], [500000.0, 6090200.0], [500000.0, 6200000.0]]]}, "geo_ref_points": {"ll": {"x": 500000.0, "y": 6090200.0}, "lr": {"x": 609800.0, "y": 6090200.0}, "ul": {"x": 500000.0, "y": 6200000.0}, "ur": {"x": 609800.0, "y": 6200000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s5_blue.tif"}, "swir": {"grid": "coarse", "path": "s5_swir.tif"}}}	\N	2026-12-06 23:12:37.043815+00	postgres	2026-12-06 23:12:37.043815+00	https	//example.org/s2/s2_tiles_s5.json
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	1	3	{"id": "d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 400000, 0, -20, 6100000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 400000, 0, -10, 6100000, 0, 0, 1]}}, "label": "s2_tiles_s7", "extent": {"lat": {"end": -35.238087535407686, "begin": -36.23302186048829}, "lon": {"end": 147.10905641350448, "begin": 145.8872731381079}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[400000, 5990200], [509800, 5990200], [509800, 6100000], [400000, 6100000], [400000, 5990200]]]}, "properties": {"datetime": "2021-02-15T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 56.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HH", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[400000, 5990200], [509800, 5990200], [509800, 6100000], [400000, 6100000], [400000, 5990200]]]}, "geo_ref_points": {"ll": {"x": 400000.0, "y": 5990200.0}, "lr": {"x": 509800.0, "y": 5990200.0}, "ul": {"x": 400000.0, "y": 6100000.0}, "ur": {"x": 509800.0, "y": 6100000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s7_blue.tif"}, "swir": {"grid": "coarse", "path": "s7_swir.tif"}}}	\N	2026-12-06 23:12:37.344721+00	postgres	2026-12-06 23:12:37.344721+00	\N	\N
93915a8a-a12d-5c53-bf01-f1bceb17c568	1	3	{"id": "93915a8a-a12d-5c53-bf01-f1bceb17c568", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 300000, 0, -20, 6000000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 300000, 0, -10, 6000000, 0, 0, 1]}}, "label": "s2_tiles_s9", "extent": {"lat": {"end": -36.12409583213699, "begin": -37.130212955008126}, "lon": {"end": 145.99743098375404, "begin": 144.74902223034107}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "properties": {"datetime": "2021-04-19T00:05:30+10:00", "eo:platform": "sentinel-2b", "eo:cloud_cover": 72.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HJ", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[300000.0, 6000000.0], [409800.0, 6000000.0], [409800.0, 5890200.0], [300000.0, 5890200.0], [300000.0, 6000000.0]]]}, "geo_ref_points": {"ll": {"x": 300000.0, "y": 5890200.0}, "lr": {"x": 409800.0, "y": 5890200.0}, "ul": {"x": 300000.0, "y": 6000000.0}, "ur": {"x": 409800.0, "y": 6000000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s9_blue.tif"}, "swir": {"grid": "coarse", "path": "s9_swir.tif"}}}	\N	2026-12-06 23:12:37.640925+00	postgres	2026-12-06 23:12:37.640925+00	https	//example.org/s2/s2_tiles_s9.json
cf5f2f42-d0b9-5f9a-831b-34267482d146	1	3	{"id": "cf5f2f42-d0b9-5f9a-831b-34267482d146", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 300000, 0, -20, 6100000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 300000, 0, -10, 6100000, 0, 0, 1]}}, "label": "s2_tiles_s6", "extent": {"lat": {"end": -35.22312494055522, "begin": -36.22886165396897}, "lon": {"end": 152.00865004903207, "begin": 150.77511347067963}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[300000, 5990200], [409800, 5990200], [409800, 6100000], [300000, 6100000], [300000, 5990200]]]}, "properties": {"datetime": "2021-01-13T00:05:30+10:00", "eo:platform": "sentinel-2b", "eo:cloud_cover": 48.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HG", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[300000, 5990200], [409800, 5990200], [409800, 6100000], [300000, 6100000], [300000, 5990200]]]}, "geo_ref_points": {"ll": {"x": 300000.0, "y": 5990200.0}, "lr": {"x": 409800.0, "y": 5990200.0}, "ul": {"x": 300000.0, "y": 6100000.0}, "ur": {"x": 409800.0, "y": 6100000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s6_blue.tif"}, "swir": {"grid": "coarse", "path": "s6_swir.tif"}}}	\N	2026-12-06 23:12:37.177532+00	postgres	2026-12-06 23:12:37.177532+00	https	//example.org/s2/s2_tiles_s6.json
342ab01d-1267-593b-8fd8-b90cd60f67ed	1	3	{"id": "342ab01d-1267-593b-8fd8-b90cd60f67ed", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 500000, 0, -20, 6100000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 500000, 0, -10, 6100000, 0, 0, 1]}}, "label": "s2_tiles_s8", "extent": {"lat": {"end": -35.237061699113546, "begin": -36.23307156074645}, "lon": {"end": 154.22175274386058, "begin": 153.0}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[500000, 5990200], [609800, 5990200], [609800, 6100000], [500000, 6100000], [500000, 5990200]]]}, "properties": {"datetime": "2021-03-17T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 64.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HI", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[500000, 5990200], [609800, 5990200], [609800, 6100000], [500000, 6100000], [500000, 5990200]]]}, "geo_ref_points": {"ll": {"x": 500000.0, "y": 5990200.0}, "lr": {"x": 609800.0, "y": 5990200.0}, "ul": {"x": 500000.0, "y": 6100000.0}, "ur": {"x": 609800.0, "y": 6100000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s8_blue.tif"}, "swir": {"grid": "coarse", "path": "s8_swir.tif"}}}	\N	2026-12-06 23:12:37.518211+00	postgres	2026-12-06 23:12:37.518211+00	https	//example.org/s2/s2_tiles_s8.json
740e72bb-4f79-572f-9c02-f9b563fa507c	1	3	{"id": "740e72bb-4f79-572f-9c02-f9b563fa507c", "crs": "epsg:32756", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 400000, 0, -20, 6000000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 400000, 0, -10, 6000000, 0, 0, 1]}}, "label": "s2_tiles_s10", "extent": {"lat": {"end": -36.13956044986026, "begin": -37.13451118896359}, "lon": {"end": 153.11033662398455, "begin": 151.87421417569436}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[400000, 5890200], [509800, 5890200], [509800, 6000000], [400000, 6000000], [400000, 5890200]]]}, "properties": {"datetime": "2021-05-21T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 80.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HK", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[400000, 5890200], [509800, 5890200], [509800, 6000000], [400000, 6000000], [400000, 5890200]]]}, "geo_ref_points": {"ll": {"x": 400000.0, "y": 5890200.0}, "lr": {"x": 509800.0, "y": 5890200.0}, "ul": {"x": 400000.0, "y": 6000000.0}, "ur": {"x": 509800.0, "y": 6000000.0}}, "spatial_reference": "epsg:32756"}}, "measurements": {"blue": {"path": "s10_blue.tif"}, "swir": {"grid": "coarse", "path": "s10_swir.tif"}}}	\N	2026-12-06 23:12:37.746176+00	postgres	2026-12-06 23:12:37.746176+00	https	//example.org/s2/s2_tiles_s10.json
4075085e-d1d0-5aae-a6d7-163134aba929	1	3	{"id": "4075085e-d1d0-5aae-a6d7-163134aba929", "crs": "epsg:32755", "grids": {"coarse": {"shape": [5490, 5490], "transform": [20, 0, 500000, 0, -20, 6000000, 0, 0, 1]}, "default": {"shape": [10980, 10980], "transform": [10, 0, 500000, 0, -10, 6000000, 0, 0, 1]}}, "label": "s2_tiles_s11", "extent": {"lat": {"end": -36.13850018872685, "begin": -37.13456253827014}, "lon": {"end": 148.23609047975398, "begin": 146.99999999999997}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "s2_tiles"}, "geometry": {"type": "Polygon", "coordinates": [[[500000, 5890200], [609800, 5890200], [609800, 6000000], [500000, 6000000], [500000, 5890200]]]}, "properties": {"datetime": "2021-06-23T00:05:30+10:00", "eo:platform": "sentinel-2a", "eo:cloud_cover": 88.0, "odc:file_format": "GeoTIFF", "odc:region_code": "55HL", "odc:product_family": "s2", "odc:processing_datetime": "2021-07-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[500000, 5890200], [609800, 5890200], [609800, 6000000], [500000, 6000000], [500000, 5890200]]]}, "geo_ref_points": {"ll": {"x": 500000.0, "y": 5890200.0}, "lr": {"x": 609800.0, "y": 5890200.0}, "ul": {"x": 500000.0, "y": 6000000.0}, "ur": {"x": 609800.0, "y": 6000000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"blue": {"path": "s11_blue.tif"}, "swir": {"grid": "coarse", "path": "s11_swir.tif"}}}	\N	2026-12-06 23:12:37.921832+00	postgres	2026-12-06 23:12:37.921832+00	https	//example.org/s2/s2_tiles_s11.json
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	1	4	{"id": "f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.16, 0, -0.01, -35.0, 0, 0, 1]}}, "label": "wofs_nan_w1", "extent": {"lat": {"end": -35.0, "begin": -35.16}, "lon": {"end": 149.32, "begin": 149.16}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.16, -35.16], [149.32, -35.16], [149.32, -35.0], [149.16, -35.0], [149.16, -35.16]]]}, "properties": {"datetime": "2022-02-10T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w1", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.16, -35.16], [149.32, -35.16], [149.32, -35.0], [149.16, -35.0], [149.16, -35.16]]]}, "geo_ref_points": {"ll": {"x": 149.16, "y": -35.16}, "lr": {"x": 149.32, "y": -35.16}, "ul": {"x": 149.16, "y": -35.0}, "ur": {"x": 149.32, "y": -35.0}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w1_water.tif"}}}	\N	2026-12-06 23:12:38.200704+00	postgres	2026-12-06 23:12:38.200704+00	file	///data/wofs/wofs_nan_w1/odc-metadata.yaml
4e2ba050-c7be-5215-be9c-cbc9833ed63b	1	4	{"id": "4e2ba050-c7be-5215-be9c-cbc9833ed63b", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.0, 0, -0.01, -35.0, 0, 0, 1]}}, "label": "wofs_nan_w0", "extent": {"lat": {"end": -35.0, "begin": -35.16}, "lon": {"end": 149.16, "begin": 149.0}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.0, -35.16], [149.16, -35.16], [149.16, -35.0], [149.0, -35.0], [149.0, -35.16]]]}, "properties": {"datetime": "2022-02-10T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w0", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.0, -35.16], [149.16, -35.16], [149.16, -35.0], [149.0, -35.0], [149.0, -35.16]]]}, "geo_ref_points": {"ll": {"x": 149.0, "y": -35.16}, "lr": {"x": 149.16, "y": -35.16}, "ul": {"x": 149.0, "y": -35.0}, "ur": {"x": 149.16, "y": -35.0}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w0_water.tif"}}}	\N	2026-12-06 23:12:38.058219+00	postgres	2026-12-06 23:12:38.058219+00	file	///data/wofs/wofs_nan_w0/odc-metadata.yaml
673a79a1-5d9d-5c76-ba39-e60009bed04b	1	4	{"id": "673a79a1-5d9d-5c76-ba39-e60009bed04b", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.32, 0, -0.01, -35.0, 0, 0, 1]}}, "label": "wofs_nan_w2", "extent": {"lat": {"end": -35.0, "begin": -35.16}, "lon": {"end": 149.48, "begin": 149.32}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.32, -35.16], [149.48, -35.16], [149.48, -35.0], [149.32, -35.0], [149.32, -35.16]]]}, "properties": {"datetime": "2022-02-11T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w2", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.32, -35.16], [149.48, -35.16], [149.48, -35.0], [149.32, -35.0], [149.32, -35.16]]]}, "geo_ref_points": {"ll": {"x": 149.32, "y": -35.16}, "lr": {"x": 149.48, "y": -35.16}, "ul": {"x": 149.32, "y": -35.0}, "ur": {"x": 149.48, "y": -35.0}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w2_water.tif"}}}	\N	2026-12-06 23:12:38.305134+00	postgres	2026-12-06 23:12:38.305134+00	file	///data/wofs/wofs_nan_w2/odc-metadata.yaml
39758704-bf4d-5de6-af39-0d7221399231	1	4	{"id": "39758704-bf4d-5de6-af39-0d7221399231", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.48, 0, -0.01, -35.0, 0, 0, 1]}}, "label": "wofs_nan_w3", "extent": {"lat": {"end": -35.0, "begin": -35.16}, "lon": {"end": 149.64, "begin": 149.48}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.48, -35.16], [149.64, -35.16], [149.64, -35.0], [149.48, -35.0], [149.48, -35.16]]]}, "properties": {"datetime": "2022-02-11T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w3", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.48, -35.16], [149.64, -35.16], [149.64, -35.0], [149.48, -35.0], [149.48, -35.16]]]}, "geo_ref_points": {"ll": {"x": 149.48, "y": -35.16}, "lr": {"x": 149.64, "y": -35.16}, "ul": {"x": 149.48, "y": -35.0}, "ur": {"x": 149.64, "y": -35.0}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w3_water.tif"}}}	\N	2026-12-06 23:12:38.393456+00	postgres	2026-12-06 23:12:38.393456+00	file	///data/wofs/wofs_nan_w3/odc-metadata.yaml
7f74ead4-ed65-55e5-b4bd-41844f397da8	1	4	{"id": "7f74ead4-ed65-55e5-b4bd-41844f397da8", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.16, 0, -0.01, -35.16, 0, 0, 1]}}, "label": "wofs_nan_w5", "extent": {"lat": {"end": -35.16, "begin": -35.31999999999999}, "lon": {"end": 149.32, "begin": 149.16}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.16, -35.31999999999999], [149.32, -35.31999999999999], [149.32, -35.16], [149.16, -35.16], [149.16, -35.31999999999999]]]}, "properties": {"datetime": "2022-02-12T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w1", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.16, -35.31999999999999], [149.32, -35.31999999999999], [149.32, -35.16], [149.16, -35.16], [149.16, -35.31999999999999]]]}, "geo_ref_points": {"ll": {"x": 149.16, "y": -35.31999999999999}, "lr": {"x": 149.32, "y": -35.31999999999999}, "ul": {"x": 149.16, "y": -35.16}, "ur": {"x": 149.32, "y": -35.16}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w5_water.tif"}}}	\N	2026-12-06 23:12:38.556653+00	postgres	2026-12-06 23:12:38.556653+00	file	///data/wofs/wofs_nan_w5/odc-metadata.yaml
753fd59e-c819-5d11-8bf5-379edb5bff50	1	4	{"id": "753fd59e-c819-5d11-8bf5-379edb5bff50", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.0, 0, -0.01, -35.16, 0, 0, 1]}}, "label": "wofs_nan_w4", "extent": {"lat": {"end": -35.16, "begin": -35.31999999999999}, "lon": {"end": 149.16, "begin": 149.0}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.0, -35.31999999999999], [149.16, -35.31999999999999], [149.16, -35.16], [149.0, -35.16], [149.0, -35.31999999999999]]]}, "properties": {"datetime": "2022-02-12T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w0", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.0, -35.31999999999999], [149.16, -35.31999999999999], [149.16, -35.16], [149.0, -35.16], [149.0, -35.31999999999999]]]}, "geo_ref_points": {"ll": {"x": 149.0, "y": -35.31999999999999}, "lr": {"x": 149.16, "y": -35.31999999999999}, "ul": {"x": 149.0, "y": -35.16}, "ur": {"x": 149.16, "y": -35.16}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w4_water.tif"}}}	\N	2026-12-06 23:12:38.456287+00	postgres	2026-12-06 23:12:38.456287+00	file	///data/wofs/wofs_nan_w4/odc-metadata.yaml
a2f1720f-d791-5310-852f-3160c4d716ea	1	4	{"id": "a2f1720f-d791-5310-852f-3160c4d716ea", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.32, 0, -0.01, -35.16, 0, 0, 1]}}, "label": "wofs_nan_w6", "extent": {"lat": {"end": -35.16, "begin": -35.31999999999999}, "lon": {"end": 149.48, "begin": 149.32}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.32, -35.31999999999999], [149.48, -35.31999999999999], [149.48, -35.16], [149.32, -35.16], [149.32, -35.31999999999999]]]}, "properties": {"datetime": "2022-02-13T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w2", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.32, -35.31999999999999], [149.48, -35.31999999999999], [149.48, -35.16], [149.32, -35.16], [149.32, -35.31999999999999]]]}, "geo_ref_points": {"ll": {"x": 149.32, "y": -35.31999999999999}, "lr": {"x": 149.48, "y": -35.31999999999999}, "ul": {"x": 149.32, "y": -35.16}, "ur": {"x": 149.48, "y": -35.16}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w6_water.tif"}}}	\N	2026-12-06 23:12:38.684422+00	postgres	2026-12-06 23:12:38.684422+00	file	///data/wofs/wofs_nan_w6/odc-metadata.yaml
e1beef85-1b84-52a4-8e09-283634e2d991	1	4	{"id": "e1beef85-1b84-52a4-8e09-283634e2d991", "crs": "epsg:4326", "grids": {"default": {"shape": [16, 16], "transform": [0.01, 0, 149.48, 0, -0.01, -35.16, 0, 0, 1]}}, "label": "wofs_nan_w7", "extent": {"lat": {"end": -35.16, "begin": -35.31999999999999}, "lon": {"end": 149.64, "begin": 149.48}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "wofs_nan"}, "geometry": {"type": "Polygon", "coordinates": [[[149.48, -35.31999999999999], [149.64, -35.31999999999999], [149.64, -35.16], [149.48, -35.16], [149.48, -35.31999999999999]]]}, "properties": {"datetime": "2022-02-13T01:00:00Z", "odc:file_format": "GeoTIFF", "odc:region_code": "w3", "odc:processing_datetime": "2022-03-01T00:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[149.48, -35.31999999999999], [149.64, -35.31999999999999], [149.64, -35.16], [149.48, -35.16], [149.48, -35.31999999999999]]]}, "geo_ref_points": {"ll": {"x": 149.48, "y": -35.31999999999999}, "lr": {"x": 149.64, "y": -35.31999999999999}, "ul": {"x": 149.48, "y": -35.16}, "ur": {"x": 149.64, "y": -35.16}}, "spatial_reference": "epsg:4326"}}, "measurements": {"water": {"path": "w7_water.tif"}}}	\N	2026-12-06 23:12:38.787166+00	postgres	2026-12-06 23:12:38.787166+00	file	///data/wofs/wofs_nan_w7/odc-metadata.yaml
c01fdbc4-9305-50fb-8055-aa34629ce354	2	2	{"id": "c01fdbc4-9305-50fb-8055-aa34629ce354", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6110000, 0, 0, 1]}}, "label": "ard_scene_a7", "extent": {"lat": {"end": -35.11931011371829, "begin": -35.94959666939361}, "lon": {"end": 149.881863985211, "begin": 148.86601830514053}}, "$schema": "https://schemas.opendatacube.org/dataset", "lineage": {}, "product": {"name": "ard_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 6020000], [760000, 6020000], [760000, 6110000], [670000, 6110000], [670000, 6020000]]]}, "properties": {"eo:gsd": 30.0, "datetime": "2020-08-10T23:50:07Z", "eo:platform": "landsat-8", "eo:cloud_cover": 43.75, "odc:file_format": "GeoTIFF", "odc:region_code": "093081", "eo:sun_elevation": 37.5, "landsat:wrs_path": 93, "dea:dataset_maturity": "nrt", "odc:processing_datetime": "2021-08-08T12:00:00Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 6020000], [760000, 6020000], [760000, 6110000], [670000, 6110000], [670000, 6020000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 6020000.0}, "lr": {"x": 760000.0, "y": 6020000.0}, "ul": {"x": 670000.0, "y": 6110000.0}, "ur": {"x": 760000.0, "y": 6110000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "a7_nir.tif"}, "red": {"path": "a7_red.tif"}, "fmask": {"path": "a7_fmask.tif"}}}	2026-12-06 23:12:38.886778+00	2026-12-06 23:12:34.684278+00	postgres	2026-12-06 23:12:38.886778+00	s3	//ard-bucket/ard_scene_a7/odc-metadata.yaml
d575ce75-5a69-52ef-9e0e-faa1534959d9	1	1	{"id": "d575ce75-5a69-52ef-9e0e-faa1534959d9", "crs": "epsg:32755", "grids": {"default": {"shape": [3000, 3000], "transform": [30, 0, 670000, 0, -30, 6030000, 0, 0, 1]}}, "label": "lvl1_scene_l15", "extent": {"lat": {"end": -35.83974339375885, "begin": -36.67043978448762}, "lon": {"end": 149.90849781687697, "begin": 148.88277242282305}}, "$schema": "https://schemas.opendatacube.org/dataset", "product": {"name": "lvl1_scene"}, "geometry": {"type": "Polygon", "coordinates": [[[670000, 5940000], [760000, 5940000], [760000, 6030000], [670000, 6030000], [670000, 5940000]]]}, "properties": {"datetime": "2020-04-18T23:50:07Z", "eo:platform": "landsat-8", "odc:file_format": "GeoTIFF", "odc:region_code": "093083", "odc:processing_datetime": "2020-04-20T23:50:07Z"}, "grid_spatial": {"projection": {"valid_data": {"type": "Polygon", "coordinates": [[[670000, 5940000], [760000, 5940000], [760000, 6030000], [670000, 6030000], [670000, 5940000]]]}, "geo_ref_points": {"ll": {"x": 670000.0, "y": 5940000.0}, "lr": {"x": 760000.0, "y": 5940000.0}, "ul": {"x": 670000.0, "y": 6030000.0}, "ur": {"x": 760000.0, "y": 6030000.0}}, "spatial_reference": "epsg:32755"}}, "measurements": {"nir": {"path": "l15_nir.tif"}, "red": {"path": "l15_red.tif"}}}	2026-12-06 23:12:38.886778+00	2026-12-06 23:12:33.52555+00	postgres	2026-12-06 23:12:38.886778+00	file	///data/lvl1/lvl1_scene_l15/odc-metadata.yaml
\.


--
-- Data for Name: dataset_home; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.dataset_home (dataset_ref, home) FROM stdin;
98797c11-89ab-5329-9e53-728308e51df4	usgs-archive
\.


--
-- Data for Name: dataset_lineage; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.dataset_lineage (derived_dataset_ref, source_dataset_ref, classifier) FROM stdin;
96c3a498-69ff-5c0b-a499-760eefc468d7	4599b6fb-3163-5b12-bef0-f65e3408c938	level1
66a65bbd-4114-5e12-add6-cd161aac635d	d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	level1
5e7f4b4c-1317-57ad-b941-087a69251efc	287daf44-e7ff-51ce-a92e-645806e1f697	level1
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	db55433d-246a-508d-b049-3386542af67c	level1
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	42e7d855-a2fb-5555-87d0-cda59cb2297d	level1
65751a7b-bc19-5d3d-9ee3-0773d7564b36	42e7d855-a2fb-5555-87d0-cda59cb2297d	level1
e066d3d4-fcad-562e-a159-1987c6e527cd	e5ea1102-342d-5214-a07e-ff67b58f7718	level1
e066d3d4-fcad-562e-a159-1987c6e527cd	cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	ancillary
cf12b339-99af-5fec-bfd6-e28bf813ee2e	cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	level1
c01fdbc4-9305-50fb-8055-aa34629ce354	158f270b-93a3-56aa-a5ee-2b192ef8cf76	level1
f67e7bef-6748-521f-b529-99a40f1e2dd5	d4f62221-a20b-51a1-b383-e299b9f263a8	level1
65f84e7d-6998-5aa0-aaa4-59e48cee1312	9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	level1
22f8a165-6a31-51e1-b46b-09466ea0ff76	d2d29ad2-8a07-510c-838b-b2083c6ec29a	level1
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	level1
1f902120-fb2c-5647-b7a4-9da287727ee6	628f5d15-bc63-52a2-86c6-67a6994a8b4c	level1
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	2f855e15-d365-5f65-9c05-ee93415e5c19	level1
664a592b-37da-5c2f-aa10-61e13af75503	edfa1048-f107-5623-936d-0025d8631c3a	level1
a395abea-8ba8-5ee1-9753-5185611504d1	d575ce75-5a69-52ef-9e0e-faa1534959d9	level1
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	98797c11-89ab-5329-9e53-728308e51df4	level1
\.


--
-- Data for Name: dataset_search_datetime; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.dataset_search_datetime (dataset_ref, search_key, search_val) FROM stdin;
4599b6fb-3163-5b12-bef0-f65e3408c938	creation_time	["2020-01-05 23:50:07+00","2020-01-05 23:50:07+00"]
4599b6fb-3163-5b12-bef0-f65e3408c938	time	["2020-01-03 23:50:07+00","2020-01-03 23:50:07+00"]
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	creation_time	["2020-02-06 23:50:07+00","2020-02-06 23:50:07+00"]
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	time	["2020-02-04 23:50:07+00","2020-02-04 23:50:07+00"]
287daf44-e7ff-51ce-a92e-645806e1f697	creation_time	["2020-03-07 23:50:07+00","2020-03-07 23:50:07+00"]
287daf44-e7ff-51ce-a92e-645806e1f697	time	["2020-03-05 23:50:07+00","2020-03-05 23:50:07+00"]
db55433d-246a-508d-b049-3386542af67c	creation_time	["2020-04-08 23:50:07+00","2020-04-08 23:50:07+00"]
db55433d-246a-508d-b049-3386542af67c	time	["2020-04-06 23:50:07+00","2020-04-06 23:50:07+00"]
42e7d855-a2fb-5555-87d0-cda59cb2297d	creation_time	["2020-05-09 23:50:07+00","2020-05-09 23:50:07+00"]
42e7d855-a2fb-5555-87d0-cda59cb2297d	time	["2020-05-07 23:50:07+00","2020-05-07 23:50:07+00"]
e5ea1102-342d-5214-a07e-ff67b58f7718	creation_time	["2020-06-10 23:50:07+00","2020-06-10 23:50:07+00"]
e5ea1102-342d-5214-a07e-ff67b58f7718	time	["2020-06-08 23:50:07+00","2020-06-08 23:50:07+00"]
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	creation_time	["2020-07-11 23:50:07+00","2020-07-11 23:50:07+00"]
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	time	["2020-07-09 23:50:07+00","2020-07-09 23:50:07+00"]
158f270b-93a3-56aa-a5ee-2b192ef8cf76	creation_time	["2020-08-12 23:50:07+00","2020-08-12 23:50:07+00"]
158f270b-93a3-56aa-a5ee-2b192ef8cf76	time	["2020-08-10 23:50:07+00","2020-08-10 23:50:07+00"]
d4f62221-a20b-51a1-b383-e299b9f263a8	creation_time	["2020-09-13 23:50:07+00","2020-09-13 23:50:07+00"]
d4f62221-a20b-51a1-b383-e299b9f263a8	time	["2020-09-11 23:50:07+00","2020-09-11 23:50:07+00"]
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	creation_time	["2020-10-14 23:50:07+00","2020-10-14 23:50:07+00"]
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	time	["2020-10-12 23:50:07+00","2020-10-12 23:50:07+00"]
d2d29ad2-8a07-510c-838b-b2083c6ec29a	creation_time	["2020-11-15 23:50:07+00","2020-11-15 23:50:07+00"]
d2d29ad2-8a07-510c-838b-b2083c6ec29a	time	["2020-11-13 23:50:07+00","2020-11-13 23:50:07+00"]
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	creation_time	["2020-12-16 23:50:07+00","2020-12-16 23:50:07+00"]
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	time	["2020-12-14 23:50:07+00","2020-12-14 23:50:07+00"]
628f5d15-bc63-52a2-86c6-67a6994a8b4c	creation_time	["2020-01-17 23:50:07+00","2020-01-17 23:50:07+00"]
628f5d15-bc63-52a2-86c6-67a6994a8b4c	time	["2020-01-15 23:50:07+00","2020-01-15 23:50:07+00"]
2f855e15-d365-5f65-9c05-ee93415e5c19	creation_time	["2020-02-18 23:50:07+00","2020-02-18 23:50:07+00"]
2f855e15-d365-5f65-9c05-ee93415e5c19	time	["2020-02-16 23:50:07+00","2020-02-16 23:50:07+00"]
edfa1048-f107-5623-936d-0025d8631c3a	creation_time	["2020-03-19 23:50:07+00","2020-03-19 23:50:07+00"]
edfa1048-f107-5623-936d-0025d8631c3a	time	["2020-03-17 23:50:07+00","2020-03-17 23:50:07+00"]
d575ce75-5a69-52ef-9e0e-faa1534959d9	creation_time	["2020-04-20 23:50:07+00","2020-04-20 23:50:07+00"]
d575ce75-5a69-52ef-9e0e-faa1534959d9	time	["2020-04-18 23:50:07+00","2020-04-18 23:50:07+00"]
babe9a43-302c-5b4a-881e-96c320c11a7c	creation_time	["2020-06-16 00:00:00+00","2020-06-16 00:00:00+00"]
babe9a43-302c-5b4a-881e-96c320c11a7c	time	["2020-06-15 10:00:00+00","2020-06-15 10:00:00+00"]
77a1b391-950f-5eae-a7c9-ad6b3a47f722	creation_time	["2021-03-21 00:00:00+00","2021-03-21 00:00:00+00"]
77a1b391-950f-5eae-a7c9-ad6b3a47f722	time	["2021-03-01 00:00:00+00","2021-03-20 12:00:00+00"]
96c3a498-69ff-5c0b-a499-760eefc468d7	creation_time	["2021-01-01 12:00:00+00","2021-01-01 12:00:00+00"]
96c3a498-69ff-5c0b-a499-760eefc468d7	time	["2020-01-03 23:50:07+00","2020-01-03 23:50:07+00"]
96c3a498-69ff-5c0b-a499-760eefc468d7	processed	["2021-01-01 12:00:00+00","2021-01-01 12:00:00+00"]
66a65bbd-4114-5e12-add6-cd161aac635d	creation_time	["2021-02-02 12:00:00+00","2021-02-02 12:00:00+00"]
66a65bbd-4114-5e12-add6-cd161aac635d	time	["2020-02-04 23:50:07+00","2020-02-04 23:50:07+00"]
66a65bbd-4114-5e12-add6-cd161aac635d	processed	["2021-02-02 12:00:00+00","2021-02-02 12:00:00+00"]
5e7f4b4c-1317-57ad-b941-087a69251efc	creation_time	["2021-03-03 12:00:00+00","2021-03-03 12:00:00+00"]
5e7f4b4c-1317-57ad-b941-087a69251efc	time	["2020-03-05 23:50:07+00","2020-03-05 23:50:07+00"]
5e7f4b4c-1317-57ad-b941-087a69251efc	processed	["2021-03-03 12:00:00+00","2021-03-03 12:00:00+00"]
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	creation_time	["2021-04-04 12:00:00+00","2021-04-04 12:00:00+00"]
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	time	["2020-04-06 23:50:07+00","2020-04-06 23:50:07+00"]
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	processed	["2021-04-04 12:00:00+00","2021-04-04 12:00:00+00"]
65751a7b-bc19-5d3d-9ee3-0773d7564b36	creation_time	["2021-05-05 12:00:00+00","2021-05-05 12:00:00+00"]
65751a7b-bc19-5d3d-9ee3-0773d7564b36	time	["2020-05-07 23:50:07+00","2020-05-07 23:50:07+00"]
65751a7b-bc19-5d3d-9ee3-0773d7564b36	processed	["2021-05-05 12:00:00+00","2021-05-05 12:00:00+00"]
e066d3d4-fcad-562e-a159-1987c6e527cd	creation_time	["2021-06-06 12:00:00+00","2021-06-06 12:00:00+00"]
e066d3d4-fcad-562e-a159-1987c6e527cd	time	["2020-06-08 23:50:07+00","2020-06-08 23:50:07+00"]
e066d3d4-fcad-562e-a159-1987c6e527cd	processed	["2021-06-06 12:00:00+00","2021-06-06 12:00:00+00"]
cf12b339-99af-5fec-bfd6-e28bf813ee2e	creation_time	["2021-07-07 12:00:00+00","2021-07-07 12:00:00+00"]
cf12b339-99af-5fec-bfd6-e28bf813ee2e	time	["2020-07-09 23:50:07+00","2020-07-09 23:50:07+00"]
cf12b339-99af-5fec-bfd6-e28bf813ee2e	processed	["2021-07-07 12:00:00+00","2021-07-07 12:00:00+00"]
c01fdbc4-9305-50fb-8055-aa34629ce354	creation_time	["2021-08-08 12:00:00+00","2021-08-08 12:00:00+00"]
c01fdbc4-9305-50fb-8055-aa34629ce354	time	["2020-08-10 23:50:07+00","2020-08-10 23:50:07+00"]
c01fdbc4-9305-50fb-8055-aa34629ce354	processed	["2021-08-08 12:00:00+00","2021-08-08 12:00:00+00"]
f67e7bef-6748-521f-b529-99a40f1e2dd5	creation_time	["2021-09-09 12:00:00+00","2021-09-09 12:00:00+00"]
f67e7bef-6748-521f-b529-99a40f1e2dd5	time	["2020-09-11 23:50:07+00","2020-09-11 23:50:07+00"]
f67e7bef-6748-521f-b529-99a40f1e2dd5	processed	["2021-09-09 12:00:00+00","2021-09-09 12:00:00+00"]
65f84e7d-6998-5aa0-aaa4-59e48cee1312	creation_time	["2021-01-01 12:00:00+00","2021-01-01 12:00:00+00"]
65f84e7d-6998-5aa0-aaa4-59e48cee1312	time	["2020-10-12 23:50:07+00","2020-10-12 23:50:07+00"]
65f84e7d-6998-5aa0-aaa4-59e48cee1312	processed	["2021-01-01 12:00:00+00","2021-01-01 12:00:00+00"]
22f8a165-6a31-51e1-b46b-09466ea0ff76	creation_time	["2021-02-02 12:00:00+00","2021-02-02 12:00:00+00"]
22f8a165-6a31-51e1-b46b-09466ea0ff76	time	["2020-11-13 23:50:07+00","2020-11-13 23:50:07+00"]
22f8a165-6a31-51e1-b46b-09466ea0ff76	processed	["2021-02-02 12:00:00+00","2021-02-02 12:00:00+00"]
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	creation_time	["2021-03-03 12:00:00+00","2021-03-03 12:00:00+00"]
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	time	["2020-12-14 23:50:07+00","2020-12-14 23:50:07+00"]
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	processed	["2021-03-03 12:00:00+00","2021-03-03 12:00:00+00"]
1f902120-fb2c-5647-b7a4-9da287727ee6	creation_time	["2021-04-04 12:00:00+00","2021-04-04 12:00:00+00"]
1f902120-fb2c-5647-b7a4-9da287727ee6	time	["2020-01-15 23:50:07+00","2020-01-15 23:50:07+00"]
1f902120-fb2c-5647-b7a4-9da287727ee6	processed	["2021-04-04 12:00:00+00","2021-04-04 12:00:00+00"]
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	creation_time	["2021-05-05 12:00:00+00","2021-05-05 12:00:00+00"]
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	time	["2020-02-16 23:50:07+00","2020-02-16 23:50:07+00"]
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	processed	["2021-05-05 12:00:00+00","2021-05-05 12:00:00+00"]
664a592b-37da-5c2f-aa10-61e13af75503	creation_time	["2021-06-06 12:00:00+00","2021-06-06 12:00:00+00"]
664a592b-37da-5c2f-aa10-61e13af75503	time	["2020-03-17 23:50:07+00","2020-03-17 23:50:07+00"]
664a592b-37da-5c2f-aa10-61e13af75503	processed	["2021-06-06 12:00:00+00","2021-06-06 12:00:00+00"]
a395abea-8ba8-5ee1-9753-5185611504d1	creation_time	["2021-07-07 12:00:00+00","2021-07-07 12:00:00+00"]
a395abea-8ba8-5ee1-9753-5185611504d1	time	["2020-04-18 23:50:07+00","2020-04-18 23:50:07+00"]
a395abea-8ba8-5ee1-9753-5185611504d1	processed	["2021-07-07 12:00:00+00","2021-07-07 12:00:00+00"]
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	creation_time	["2020-11-12 00:00:00+00","2020-11-12 00:00:00+00"]
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	time	["2020-11-11 00:00:00+00","2020-11-11 00:00:00+00"]
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	processed	["2020-11-12 00:00:00+00","2020-11-12 00:00:00+00"]
4a1f16be-f557-53c1-b44a-56a1804c254e	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
4a1f16be-f557-53c1-b44a-56a1804c254e	time	["2020-12-31 14:05:30+00","2020-12-31 14:05:30+00"]
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	time	["2021-02-02 14:05:30+00","2021-02-02 14:05:30+00"]
12be0b77-bec0-5bdf-95bb-d29612c5629f	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
12be0b77-bec0-5bdf-95bb-d29612c5629f	time	["2021-03-04 14:05:30+00","2021-03-04 14:05:30+00"]
4ae10334-a4c0-552d-8670-4af461a0beb4	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
4ae10334-a4c0-552d-8670-4af461a0beb4	time	["2021-04-06 14:05:30+00","2021-04-06 14:05:30+00"]
0e800198-859c-5244-a8f4-ec5c239f8fbc	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
0e800198-859c-5244-a8f4-ec5c239f8fbc	time	["2021-05-08 14:05:30+00","2021-05-08 14:05:30+00"]
602acc21-799c-58a2-9a20-f599a3c66a20	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
602acc21-799c-58a2-9a20-f599a3c66a20	time	["2021-06-10 14:05:30+00","2021-06-10 14:05:30+00"]
cf5f2f42-d0b9-5f9a-831b-34267482d146	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
cf5f2f42-d0b9-5f9a-831b-34267482d146	time	["2021-01-12 14:05:30+00","2021-01-12 14:05:30+00"]
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	time	["2021-02-14 14:05:30+00","2021-02-14 14:05:30+00"]
93915a8a-a12d-5c53-bf01-f1bceb17c568	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
342ab01d-1267-593b-8fd8-b90cd60f67ed	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
342ab01d-1267-593b-8fd8-b90cd60f67ed	time	["2021-03-16 14:05:30+00","2021-03-16 14:05:30+00"]
93915a8a-a12d-5c53-bf01-f1bceb17c568	time	["2021-04-18 14:05:30+00","2021-04-18 14:05:30+00"]
740e72bb-4f79-572f-9c02-f9b563fa507c	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
740e72bb-4f79-572f-9c02-f9b563fa507c	time	["2021-05-20 14:05:30+00","2021-05-20 14:05:30+00"]
4075085e-d1d0-5aae-a6d7-163134aba929	creation_time	["2021-07-01 00:00:00+00","2021-07-01 00:00:00+00"]
4075085e-d1d0-5aae-a6d7-163134aba929	time	["2021-06-22 14:05:30+00","2021-06-22 14:05:30+00"]
4e2ba050-c7be-5215-be9c-cbc9833ed63b	creation_time	["2022-03-01 00:00:00+00","2022-03-01 00:00:00+00"]
4e2ba050-c7be-5215-be9c-cbc9833ed63b	time	["2022-02-10 01:00:00+00","2022-02-10 01:00:00+00"]
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	creation_time	["2022-03-01 00:00:00+00","2022-03-01 00:00:00+00"]
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	time	["2022-02-10 01:00:00+00","2022-02-10 01:00:00+00"]
673a79a1-5d9d-5c76-ba39-e60009bed04b	creation_time	["2022-03-01 00:00:00+00","2022-03-01 00:00:00+00"]
673a79a1-5d9d-5c76-ba39-e60009bed04b	time	["2022-02-11 01:00:00+00","2022-02-11 01:00:00+00"]
39758704-bf4d-5de6-af39-0d7221399231	creation_time	["2022-03-01 00:00:00+00","2022-03-01 00:00:00+00"]
39758704-bf4d-5de6-af39-0d7221399231	time	["2022-02-11 01:00:00+00","2022-02-11 01:00:00+00"]
753fd59e-c819-5d11-8bf5-379edb5bff50	creation_time	["2022-03-01 00:00:00+00","2022-03-01 00:00:00+00"]
753fd59e-c819-5d11-8bf5-379edb5bff50	time	["2022-02-12 01:00:00+00","2022-02-12 01:00:00+00"]
7f74ead4-ed65-55e5-b4bd-41844f397da8	creation_time	["2022-03-01 00:00:00+00","2022-03-01 00:00:00+00"]
7f74ead4-ed65-55e5-b4bd-41844f397da8	time	["2022-02-12 01:00:00+00","2022-02-12 01:00:00+00"]
a2f1720f-d791-5310-852f-3160c4d716ea	creation_time	["2022-03-01 00:00:00+00","2022-03-01 00:00:00+00"]
a2f1720f-d791-5310-852f-3160c4d716ea	time	["2022-02-13 01:00:00+00","2022-02-13 01:00:00+00"]
e1beef85-1b84-52a4-8e09-283634e2d991	creation_time	["2022-03-01 00:00:00+00","2022-03-01 00:00:00+00"]
e1beef85-1b84-52a4-8e09-283634e2d991	time	["2022-02-13 01:00:00+00","2022-02-13 01:00:00+00"]
\.


--
-- Data for Name: dataset_search_num; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.dataset_search_num (dataset_ref, search_key, search_val) FROM stdin;
4599b6fb-3163-5b12-bef0-f65e3408c938	lat	[-35.60248579395247,-34.78258886784601]
4599b6fb-3163-5b12-bef0-f65e3408c938	lon	[147.5465461712478,148.5454061737082]
4599b6fb-3163-5b12-bef0-f65e3408c938	cloud_cover	(,)
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	lat	[-35.599654052461496,-34.77631034850929]
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	lon	[147.9837387092908,148.98673973632182]
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	cloud_cover	(,)
287daf44-e7ff-51ce-a92e-645806e1f697	lat	[-35.59520502757288,-34.76846517147088]
287daf44-e7ff-51ce-a92e-645806e1f697	lon	[148.4208551566713,149.4279151492908]
287daf44-e7ff-51ce-a92e-645806e1f697	cloud_cover	(,)
db55433d-246a-508d-b049-3386542af67c	lat	[-35.58913985808927,-34.75905531510897]
db55433d-246a-508d-b049-3386542af67c	lon	[148.85786174380553,149.86889742823007]
db55433d-246a-508d-b049-3386542af67c	cloud_cover	(,)
42e7d855-a2fb-5555-87d0-cda59cb2297d	lat	[-35.96311976609776,-35.143159167822944]
42e7d855-a2fb-5555-87d0-cda59cb2297d	lon	[147.5489472174626,148.55239929846846]
42e7d855-a2fb-5555-87d0-cda59cb2297d	cloud_cover	(,)
e5ea1102-342d-5214-a07e-ff67b58f7718	lat	[-35.96025042964427,-35.13679645815477]
e5ea1102-342d-5214-a07e-ff67b58f7718	lon	[147.98805980640353,148.99572707605904]
e5ea1102-342d-5214-a07e-ff67b58f7718	cloud_cover	(,)
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	lat	[-35.955742343705026,-35.12884610114642]
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	lon	[148.4270949578338,149.43889384325342]
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	cloud_cover	(,)
158f270b-93a3-56aa-a5ee-2b192ef8cf76	lat	[-35.94959666939361,-35.11931011371829]
158f270b-93a3-56aa-a5ee-2b192ef8cf76	lon	[148.86601830514053,149.881863985211]
158f270b-93a3-56aa-a5ee-2b192ef8cf76	cloud_cover	(,)
d4f62221-a20b-51a1-b383-e299b9f263a8	lat	[-36.32373186767896,-35.50370683057621]
d4f62221-a20b-51a1-b383-e299b9f263a8	lon	[147.551391300279,148.55951774828557]
d4f62221-a20b-51a1-b383-e299b9f263a8	cloud_cover	(,)
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	lat	[-36.320824598624135,-35.497259198297954]
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	lon	[147.99245834732812,149.00487543969913]
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	cloud_cover	(,)
d2d29ad2-8a07-510c-838b-b2083c6ec29a	lat	[-36.31625692142841,-35.48920274721566]
d2d29ad2-8a07-510c-838b-b2083c6ec29a	lon	[148.43344657221098,149.45006917892505]
d2d29ad2-8a07-510c-838b-b2083c6ec29a	cloud_cover	(,)
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	lat	[-36.31003002000811,-35.47953953361833]
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	lon	[148.87432099454588,149.89506270287418]
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	cloud_cover	(,)
628f5d15-bc63-52a2-86c6-67a6994a8b4c	lat	[-36.68432200951839,-35.86423173712084]
628f5d15-bc63-52a2-86c6-67a6994a8b4c	lon	[147.5538791894647,148.56676381436486]
628f5d15-bc63-52a2-86c6-67a6994a8b4c	cloud_cover	(,)
2f855e15-d365-5f65-9c05-ee93415e5c19	lat	[-36.6813764625189,-35.85769843336268]
2f855e15-d365-5f65-9c05-ee93415e5c19	lon	[147.99693571692586,149.01418776948145]
2f855e15-d365-5f65-9c05-ee93415e5c19	cloud_cover	(,)
edfa1048-f107-5623-936d-0025d8631c3a	lat	[-36.67674865176615,-35.84953495340485]
edfa1048-f107-5623-936d-0025d8631c3a	lon	[148.43991199852385,149.46144474689135]
edfa1048-f107-5623-936d-0025d8631c3a	cloud_cover	(,)
d575ce75-5a69-52ef-9e0e-faa1534959d9	lat	[-36.67043978448762,-35.83974339375885]
d575ce75-5a69-52ef-9e0e-faa1534959d9	lon	[148.88277242282305,149.90849781687697]
d575ce75-5a69-52ef-9e0e-faa1534959d9	cloud_cover	(,)
babe9a43-302c-5b4a-881e-96c320c11a7c	lat	[-18.88175931948521,-18.055339258167795]
babe9a43-302c-5b4a-881e-96c320c11a7c	lon	[179.75256522800734,180.5887696377908]
babe9a43-302c-5b4a-881e-96c320c11a7c	cloud_cover	(,)
77a1b391-950f-5eae-a7c9-ad6b3a47f722	lat	[-35.763725500269416,-35.209369855041224]
77a1b391-950f-5eae-a7c9-ad6b3a47f722	lon	[149.19754165339828,149.87535194676803]
77a1b391-950f-5eae-a7c9-ad6b3a47f722	cloud_cover	(,)
96c3a498-69ff-5c0b-a499-760eefc468d7	lat	[-35.60248579395247,-34.78258886784601]
96c3a498-69ff-5c0b-a499-760eefc468d7	lon	[147.5465461712478,148.5454061737082]
96c3a498-69ff-5c0b-a499-760eefc468d7	wrs_path	[90,90]
96c3a498-69ff-5c0b-a499-760eefc468d7	gsd_range	[30.0,100.0]
96c3a498-69ff-5c0b-a499-760eefc468d7	cloud_cover	[0.0,0.0]
96c3a498-69ff-5c0b-a499-760eefc468d7	sun_elevation	[20.0,20.0]
66a65bbd-4114-5e12-add6-cd161aac635d	lat	[-35.599654052461496,-34.77631034850929]
66a65bbd-4114-5e12-add6-cd161aac635d	lon	[147.9837387092908,148.98673973632182]
66a65bbd-4114-5e12-add6-cd161aac635d	wrs_path	[91,91]
66a65bbd-4114-5e12-add6-cd161aac635d	gsd_range	[30.0,30.0]
66a65bbd-4114-5e12-add6-cd161aac635d	cloud_cover	[6.25,6.25]
66a65bbd-4114-5e12-add6-cd161aac635d	sun_elevation	[22.5,22.5]
5e7f4b4c-1317-57ad-b941-087a69251efc	lat	[-35.59520502757288,-34.76846517147088]
5e7f4b4c-1317-57ad-b941-087a69251efc	lon	[148.4208551566713,149.4279151492908]
5e7f4b4c-1317-57ad-b941-087a69251efc	wrs_path	[92,92]
5e7f4b4c-1317-57ad-b941-087a69251efc	gsd_range	[30.0,30.0]
5e7f4b4c-1317-57ad-b941-087a69251efc	cloud_cover	[12.5,12.5]
5e7f4b4c-1317-57ad-b941-087a69251efc	sun_elevation	[25.0,25.0]
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	lat	[-35.58913985808927,-34.75905531510897]
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	lon	[148.85786174380553,149.86889742823007]
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	wrs_path	[93,93]
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	gsd_range	[30.0,30.0]
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	cloud_cover	[18.75,18.75]
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	sun_elevation	[27.5,27.5]
65751a7b-bc19-5d3d-9ee3-0773d7564b36	lat	[-35.96311976609776,-35.143159167822944]
65751a7b-bc19-5d3d-9ee3-0773d7564b36	lon	[147.5489472174626,148.55239929846846]
65751a7b-bc19-5d3d-9ee3-0773d7564b36	wrs_path	[90,90]
65751a7b-bc19-5d3d-9ee3-0773d7564b36	gsd_range	[30.0,30.0]
65751a7b-bc19-5d3d-9ee3-0773d7564b36	cloud_cover	[25.0,25.0]
65751a7b-bc19-5d3d-9ee3-0773d7564b36	sun_elevation	[30.0,30.0]
e066d3d4-fcad-562e-a159-1987c6e527cd	lat	[-35.96025042964427,-35.13679645815477]
e066d3d4-fcad-562e-a159-1987c6e527cd	lon	[147.98805980640353,148.99572707605904]
e066d3d4-fcad-562e-a159-1987c6e527cd	wrs_path	[91,91]
e066d3d4-fcad-562e-a159-1987c6e527cd	gsd_range	[30.0,100.0]
e066d3d4-fcad-562e-a159-1987c6e527cd	cloud_cover	[31.25,31.25]
e066d3d4-fcad-562e-a159-1987c6e527cd	sun_elevation	[32.5,32.5]
cf12b339-99af-5fec-bfd6-e28bf813ee2e	lat	[-35.955742343705026,-35.12884610114642]
cf12b339-99af-5fec-bfd6-e28bf813ee2e	lon	[148.4270949578338,149.43889384325342]
cf12b339-99af-5fec-bfd6-e28bf813ee2e	wrs_path	[92,92]
cf12b339-99af-5fec-bfd6-e28bf813ee2e	gsd_range	[30.0,30.0]
cf12b339-99af-5fec-bfd6-e28bf813ee2e	cloud_cover	[37.5,37.5]
cf12b339-99af-5fec-bfd6-e28bf813ee2e	sun_elevation	[35.0,35.0]
c01fdbc4-9305-50fb-8055-aa34629ce354	lat	[-35.94959666939361,-35.11931011371829]
c01fdbc4-9305-50fb-8055-aa34629ce354	lon	[148.86601830514053,149.881863985211]
c01fdbc4-9305-50fb-8055-aa34629ce354	wrs_path	[93,93]
c01fdbc4-9305-50fb-8055-aa34629ce354	gsd_range	[30.0,30.0]
c01fdbc4-9305-50fb-8055-aa34629ce354	cloud_cover	[43.75,43.75]
c01fdbc4-9305-50fb-8055-aa34629ce354	sun_elevation	[37.5,37.5]
f67e7bef-6748-521f-b529-99a40f1e2dd5	lat	[-36.32373186767896,-35.50370683057621]
f67e7bef-6748-521f-b529-99a40f1e2dd5	lon	[147.551391300279,148.55951774828557]
f67e7bef-6748-521f-b529-99a40f1e2dd5	wrs_path	[90,90]
f67e7bef-6748-521f-b529-99a40f1e2dd5	gsd_range	[30.0,30.0]
f67e7bef-6748-521f-b529-99a40f1e2dd5	cloud_cover	[50.0,50.0]
f67e7bef-6748-521f-b529-99a40f1e2dd5	sun_elevation	[40.0,40.0]
22f8a165-6a31-51e1-b46b-09466ea0ff76	lat	[-36.31625692142841,-35.48920274721566]
22f8a165-6a31-51e1-b46b-09466ea0ff76	lon	[148.43344657221098,149.45006917892505]
22f8a165-6a31-51e1-b46b-09466ea0ff76	wrs_path	[92,92]
22f8a165-6a31-51e1-b46b-09466ea0ff76	gsd_range	[30.0,100.0]
22f8a165-6a31-51e1-b46b-09466ea0ff76	cloud_cover	[62.5,62.5]
22f8a165-6a31-51e1-b46b-09466ea0ff76	sun_elevation	[45.0,45.0]
1f902120-fb2c-5647-b7a4-9da287727ee6	lat	[-36.68432200951839,-35.86423173712084]
1f902120-fb2c-5647-b7a4-9da287727ee6	lon	[147.5538791894647,148.56676381436486]
1f902120-fb2c-5647-b7a4-9da287727ee6	wrs_path	[90,90]
1f902120-fb2c-5647-b7a4-9da287727ee6	gsd_range	[30.0,30.0]
1f902120-fb2c-5647-b7a4-9da287727ee6	cloud_cover	[75.0,75.0]
1f902120-fb2c-5647-b7a4-9da287727ee6	sun_elevation	[50.0,50.0]
664a592b-37da-5c2f-aa10-61e13af75503	lat	[-36.67674865176615,-35.84953495340485]
664a592b-37da-5c2f-aa10-61e13af75503	lon	[148.43991199852385,149.46144474689135]
664a592b-37da-5c2f-aa10-61e13af75503	wrs_path	[92,92]
664a592b-37da-5c2f-aa10-61e13af75503	gsd_range	[30.0,30.0]
664a592b-37da-5c2f-aa10-61e13af75503	cloud_cover	[87.5,87.5]
664a592b-37da-5c2f-aa10-61e13af75503	sun_elevation	[55.0,55.0]
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	lat	[-34.61063036816408,-34.0649632005083]
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	lon	[147.54187021401367,148.19970320032556]
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	wrs_path	[90,90]
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	gsd_range	[30.0,30.0]
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	cloud_cover	(,)
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	sun_elevation	[45.0,45.0]
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	lat	[-34.42963606798122,-33.434728825384155]
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	lon	[145.9117134762608,147.10666048161795]
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	cloud_cover	[8.0,8.0]
4ae10334-a4c0-552d-8670-4af461a0beb4	lat	[-35.32737109357555,-34.32200505219241]
4ae10334-a4c0-552d-8670-4af461a0beb4	lon	[144.80007152707861,146.0193817651493]
4ae10334-a4c0-552d-8670-4af461a0beb4	cloud_cover	[24.0,24.0]
602acc21-799c-58a2-9a20-f599a3c66a20	lat	[-35.33144444287594,-34.335484262796534]
602acc21-799c-58a2-9a20-f599a3c66a20	lon	[146.99999999999997,148.20803805017155]
602acc21-799c-58a2-9a20-f599a3c66a20	cloud_cover	[40.0,40.0]
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	lat	[-36.23302186048829,-35.238087535407686]
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	lon	[145.8872731381079,147.10905641350448]
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	cloud_cover	[56.0,56.0]
93915a8a-a12d-5c53-bf01-f1bceb17c568	lat	[-37.130212955008126,-36.12409583213699]
93915a8a-a12d-5c53-bf01-f1bceb17c568	lon	[144.74902223034107,145.99743098375404]
65f84e7d-6998-5aa0-aaa4-59e48cee1312	lat	[-36.320824598624135,-35.497259198297954]
65f84e7d-6998-5aa0-aaa4-59e48cee1312	lon	[147.99245834732812,149.00487543969913]
65f84e7d-6998-5aa0-aaa4-59e48cee1312	wrs_path	[91,91]
65f84e7d-6998-5aa0-aaa4-59e48cee1312	gsd_range	[30.0,30.0]
65f84e7d-6998-5aa0-aaa4-59e48cee1312	cloud_cover	[56.25,56.25]
65f84e7d-6998-5aa0-aaa4-59e48cee1312	sun_elevation	[42.5,42.5]
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	lat	[-36.31003002000811,-35.47953953361833]
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	lon	[148.87432099454588,149.89506270287418]
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	wrs_path	[93,93]
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	gsd_range	[30.0,30.0]
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	cloud_cover	[68.75,68.75]
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	sun_elevation	[47.5,47.5]
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	lat	[-36.6813764625189,-35.85769843336268]
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	lon	[147.99693571692586,149.01418776948145]
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	wrs_path	[91,91]
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	gsd_range	[30.0,30.0]
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	cloud_cover	[81.25,81.25]
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	sun_elevation	[52.5,52.5]
a395abea-8ba8-5ee1-9753-5185611504d1	lat	[-36.67043978448762,-35.83974339375885]
a395abea-8ba8-5ee1-9753-5185611504d1	lon	[148.88277242282305,149.90849781687697]
a395abea-8ba8-5ee1-9753-5185611504d1	wrs_path	[93,93]
a395abea-8ba8-5ee1-9753-5185611504d1	gsd_range	[30.0,100.0]
a395abea-8ba8-5ee1-9753-5185611504d1	cloud_cover	[93.75,93.75]
a395abea-8ba8-5ee1-9753-5185611504d1	sun_elevation	[57.5,57.5]
4a1f16be-f557-53c1-b44a-56a1804c254e	lat	[-34.4257428384182,-33.42073849032199]
4a1f16be-f557-53c1-b44a-56a1804c254e	lon	[150.82394605974082,152.02964694927755]
4a1f16be-f557-53c1-b44a-56a1804c254e	cloud_cover	[0.0,0.0]
12be0b77-bec0-5bdf-95bb-d29612c5629f	lat	[-34.42968257862344,-33.43376965746705]
12be0b77-bec0-5bdf-95bb-d29612c5629f	lon	[153.0,154.19491906328653]
12be0b77-bec0-5bdf-95bb-d29612c5629f	cloud_cover	[16.0,16.0]
0e800198-859c-5244-a8f4-ec5c239f8fbc	lat	[-35.33139635483415,-34.33647641476005]
0e800198-859c-5244-a8f4-ec5c239f8fbc	lon	[151.89976460481054,153.10783184689114]
0e800198-859c-5244-a8f4-ec5c239f8fbc	cloud_cover	[32.0,32.0]
cf5f2f42-d0b9-5f9a-831b-34267482d146	lat	[-36.22886165396897,-35.22312494055522]
cf5f2f42-d0b9-5f9a-831b-34267482d146	lon	[150.77511347067963,152.00865004903207]
cf5f2f42-d0b9-5f9a-831b-34267482d146	cloud_cover	[48.0,48.0]
342ab01d-1267-593b-8fd8-b90cd60f67ed	lat	[-36.23307156074645,-35.237061699113546]
342ab01d-1267-593b-8fd8-b90cd60f67ed	lon	[153.0,154.22175274386058]
342ab01d-1267-593b-8fd8-b90cd60f67ed	cloud_cover	[64.0,64.0]
93915a8a-a12d-5c53-bf01-f1bceb17c568	cloud_cover	[72.0,72.0]
740e72bb-4f79-572f-9c02-f9b563fa507c	lat	[-37.13451118896359,-36.13956044986026]
740e72bb-4f79-572f-9c02-f9b563fa507c	lon	[151.87421417569436,153.11033662398455]
740e72bb-4f79-572f-9c02-f9b563fa507c	cloud_cover	[80.0,80.0]
4075085e-d1d0-5aae-a6d7-163134aba929	lat	[-37.13456253827014,-36.13850018872685]
4075085e-d1d0-5aae-a6d7-163134aba929	lon	[146.99999999999997,148.23609047975398]
4075085e-d1d0-5aae-a6d7-163134aba929	cloud_cover	[88.0,88.0]
4e2ba050-c7be-5215-be9c-cbc9833ed63b	lat	[-35.16,-35.0]
4e2ba050-c7be-5215-be9c-cbc9833ed63b	lon	[149.0,149.16]
4e2ba050-c7be-5215-be9c-cbc9833ed63b	cloud_cover	(,)
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	lat	[-35.16,-35.0]
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	lon	[149.16,149.32]
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	cloud_cover	(,)
673a79a1-5d9d-5c76-ba39-e60009bed04b	lat	[-35.16,-35.0]
673a79a1-5d9d-5c76-ba39-e60009bed04b	lon	[149.32,149.48]
673a79a1-5d9d-5c76-ba39-e60009bed04b	cloud_cover	(,)
39758704-bf4d-5de6-af39-0d7221399231	lat	[-35.16,-35.0]
39758704-bf4d-5de6-af39-0d7221399231	lon	[149.48,149.64]
39758704-bf4d-5de6-af39-0d7221399231	cloud_cover	(,)
753fd59e-c819-5d11-8bf5-379edb5bff50	lat	[-35.31999999999999,-35.16]
753fd59e-c819-5d11-8bf5-379edb5bff50	lon	[149.0,149.16]
753fd59e-c819-5d11-8bf5-379edb5bff50	cloud_cover	(,)
7f74ead4-ed65-55e5-b4bd-41844f397da8	lat	[-35.31999999999999,-35.16]
7f74ead4-ed65-55e5-b4bd-41844f397da8	lon	[149.16,149.32]
7f74ead4-ed65-55e5-b4bd-41844f397da8	cloud_cover	(,)
a2f1720f-d791-5310-852f-3160c4d716ea	lat	[-35.31999999999999,-35.16]
a2f1720f-d791-5310-852f-3160c4d716ea	lon	[149.32,149.48]
a2f1720f-d791-5310-852f-3160c4d716ea	cloud_cover	(,)
e1beef85-1b84-52a4-8e09-283634e2d991	lat	[-35.31999999999999,-35.16]
e1beef85-1b84-52a4-8e09-283634e2d991	lon	[149.48,149.64]
e1beef85-1b84-52a4-8e09-283634e2d991	cloud_cover	(,)
\.


--
-- Data for Name: dataset_search_string; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.dataset_search_string (dataset_ref, search_key, search_val) FROM stdin;
4599b6fb-3163-5b12-bef0-f65e3408c938	format	GeoTIFF
4599b6fb-3163-5b12-bef0-f65e3408c938	label	lvl1_scene_l0
4599b6fb-3163-5b12-bef0-f65e3408c938	platform	landsat-8
4599b6fb-3163-5b12-bef0-f65e3408c938	instrument	\N
4599b6fb-3163-5b12-bef0-f65e3408c938	region_code	090080
4599b6fb-3163-5b12-bef0-f65e3408c938	product_family	\N
4599b6fb-3163-5b12-bef0-f65e3408c938	dataset_maturity	\N
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	format	GeoTIFF
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	label	lvl1_scene_l1
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	platform	landsat-8
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	instrument	\N
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	region_code	091080
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	product_family	\N
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	dataset_maturity	\N
287daf44-e7ff-51ce-a92e-645806e1f697	format	GeoTIFF
287daf44-e7ff-51ce-a92e-645806e1f697	label	lvl1_scene_l2
287daf44-e7ff-51ce-a92e-645806e1f697	platform	landsat-8
287daf44-e7ff-51ce-a92e-645806e1f697	instrument	\N
287daf44-e7ff-51ce-a92e-645806e1f697	region_code	092080
287daf44-e7ff-51ce-a92e-645806e1f697	product_family	\N
287daf44-e7ff-51ce-a92e-645806e1f697	dataset_maturity	\N
db55433d-246a-508d-b049-3386542af67c	format	GeoTIFF
db55433d-246a-508d-b049-3386542af67c	label	lvl1_scene_l3
db55433d-246a-508d-b049-3386542af67c	platform	landsat-8
db55433d-246a-508d-b049-3386542af67c	instrument	\N
db55433d-246a-508d-b049-3386542af67c	region_code	093080
db55433d-246a-508d-b049-3386542af67c	product_family	\N
db55433d-246a-508d-b049-3386542af67c	dataset_maturity	\N
42e7d855-a2fb-5555-87d0-cda59cb2297d	format	GeoTIFF
42e7d855-a2fb-5555-87d0-cda59cb2297d	label	lvl1_scene_l4
42e7d855-a2fb-5555-87d0-cda59cb2297d	platform	landsat-8
42e7d855-a2fb-5555-87d0-cda59cb2297d	instrument	\N
42e7d855-a2fb-5555-87d0-cda59cb2297d	region_code	090081
42e7d855-a2fb-5555-87d0-cda59cb2297d	product_family	\N
42e7d855-a2fb-5555-87d0-cda59cb2297d	dataset_maturity	\N
e5ea1102-342d-5214-a07e-ff67b58f7718	format	GeoTIFF
e5ea1102-342d-5214-a07e-ff67b58f7718	label	lvl1_scene_l5
e5ea1102-342d-5214-a07e-ff67b58f7718	platform	landsat-8
e5ea1102-342d-5214-a07e-ff67b58f7718	instrument	\N
e5ea1102-342d-5214-a07e-ff67b58f7718	region_code	091081
e5ea1102-342d-5214-a07e-ff67b58f7718	product_family	\N
e5ea1102-342d-5214-a07e-ff67b58f7718	dataset_maturity	\N
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	format	GeoTIFF
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	label	lvl1_scene_l6
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	platform	landsat-8
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	instrument	\N
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	region_code	092081
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	product_family	\N
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	dataset_maturity	\N
158f270b-93a3-56aa-a5ee-2b192ef8cf76	format	GeoTIFF
158f270b-93a3-56aa-a5ee-2b192ef8cf76	label	lvl1_scene_l7
158f270b-93a3-56aa-a5ee-2b192ef8cf76	platform	landsat-8
158f270b-93a3-56aa-a5ee-2b192ef8cf76	instrument	\N
158f270b-93a3-56aa-a5ee-2b192ef8cf76	region_code	093081
158f270b-93a3-56aa-a5ee-2b192ef8cf76	product_family	\N
158f270b-93a3-56aa-a5ee-2b192ef8cf76	dataset_maturity	\N
d4f62221-a20b-51a1-b383-e299b9f263a8	format	GeoTIFF
d4f62221-a20b-51a1-b383-e299b9f263a8	label	lvl1_scene_l8
d4f62221-a20b-51a1-b383-e299b9f263a8	platform	landsat-8
d4f62221-a20b-51a1-b383-e299b9f263a8	instrument	\N
d4f62221-a20b-51a1-b383-e299b9f263a8	region_code	090082
d4f62221-a20b-51a1-b383-e299b9f263a8	product_family	\N
d4f62221-a20b-51a1-b383-e299b9f263a8	dataset_maturity	\N
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	format	GeoTIFF
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	label	lvl1_scene_l9
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	platform	landsat-8
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	instrument	\N
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	region_code	091082
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	product_family	\N
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	dataset_maturity	\N
d2d29ad2-8a07-510c-838b-b2083c6ec29a	format	GeoTIFF
d2d29ad2-8a07-510c-838b-b2083c6ec29a	label	lvl1_scene_l10
d2d29ad2-8a07-510c-838b-b2083c6ec29a	platform	landsat-8
d2d29ad2-8a07-510c-838b-b2083c6ec29a	instrument	\N
d2d29ad2-8a07-510c-838b-b2083c6ec29a	region_code	092082
d2d29ad2-8a07-510c-838b-b2083c6ec29a	product_family	\N
d2d29ad2-8a07-510c-838b-b2083c6ec29a	dataset_maturity	\N
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	format	GeoTIFF
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	label	lvl1_scene_l11
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	platform	landsat-8
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	instrument	\N
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	region_code	093082
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	product_family	\N
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	dataset_maturity	\N
628f5d15-bc63-52a2-86c6-67a6994a8b4c	format	GeoTIFF
628f5d15-bc63-52a2-86c6-67a6994a8b4c	label	lvl1_scene_l12
628f5d15-bc63-52a2-86c6-67a6994a8b4c	platform	landsat-8
628f5d15-bc63-52a2-86c6-67a6994a8b4c	instrument	\N
628f5d15-bc63-52a2-86c6-67a6994a8b4c	region_code	090083
628f5d15-bc63-52a2-86c6-67a6994a8b4c	product_family	\N
628f5d15-bc63-52a2-86c6-67a6994a8b4c	dataset_maturity	\N
2f855e15-d365-5f65-9c05-ee93415e5c19	format	GeoTIFF
2f855e15-d365-5f65-9c05-ee93415e5c19	label	lvl1_scene_l13
2f855e15-d365-5f65-9c05-ee93415e5c19	platform	landsat-8
2f855e15-d365-5f65-9c05-ee93415e5c19	instrument	\N
2f855e15-d365-5f65-9c05-ee93415e5c19	region_code	091083
2f855e15-d365-5f65-9c05-ee93415e5c19	product_family	\N
2f855e15-d365-5f65-9c05-ee93415e5c19	dataset_maturity	\N
edfa1048-f107-5623-936d-0025d8631c3a	format	GeoTIFF
edfa1048-f107-5623-936d-0025d8631c3a	label	lvl1_scene_l14
edfa1048-f107-5623-936d-0025d8631c3a	platform	landsat-8
edfa1048-f107-5623-936d-0025d8631c3a	instrument	\N
edfa1048-f107-5623-936d-0025d8631c3a	region_code	092083
edfa1048-f107-5623-936d-0025d8631c3a	product_family	\N
edfa1048-f107-5623-936d-0025d8631c3a	dataset_maturity	\N
d575ce75-5a69-52ef-9e0e-faa1534959d9	format	GeoTIFF
d575ce75-5a69-52ef-9e0e-faa1534959d9	label	lvl1_scene_l15
d575ce75-5a69-52ef-9e0e-faa1534959d9	platform	landsat-8
d575ce75-5a69-52ef-9e0e-faa1534959d9	instrument	\N
d575ce75-5a69-52ef-9e0e-faa1534959d9	region_code	093083
d575ce75-5a69-52ef-9e0e-faa1534959d9	product_family	\N
d575ce75-5a69-52ef-9e0e-faa1534959d9	dataset_maturity	\N
babe9a43-302c-5b4a-881e-96c320c11a7c	format	GeoTIFF
babe9a43-302c-5b4a-881e-96c320c11a7c	label	lvl1_scene_antimeridian
babe9a43-302c-5b4a-881e-96c320c11a7c	platform	\N
babe9a43-302c-5b4a-881e-96c320c11a7c	instrument	\N
babe9a43-302c-5b4a-881e-96c320c11a7c	region_code	antimeridian
babe9a43-302c-5b4a-881e-96c320c11a7c	product_family	\N
babe9a43-302c-5b4a-881e-96c320c11a7c	dataset_maturity	\N
77a1b391-950f-5eae-a7c9-ad6b3a47f722	format	GeoTIFF
77a1b391-950f-5eae-a7c9-ad6b3a47f722	label	lvl1_scene_ranged
77a1b391-950f-5eae-a7c9-ad6b3a47f722	platform	\N
77a1b391-950f-5eae-a7c9-ad6b3a47f722	instrument	\N
77a1b391-950f-5eae-a7c9-ad6b3a47f722	region_code	ranged
77a1b391-950f-5eae-a7c9-ad6b3a47f722	product_family	\N
77a1b391-950f-5eae-a7c9-ad6b3a47f722	dataset_maturity	\N
96c3a498-69ff-5c0b-a499-760eefc468d7	format	GeoTIFF
96c3a498-69ff-5c0b-a499-760eefc468d7	label	ard_scene_a0
96c3a498-69ff-5c0b-a499-760eefc468d7	platform	landsat-8
96c3a498-69ff-5c0b-a499-760eefc468d7	region_code	090080
96c3a498-69ff-5c0b-a499-760eefc468d7	dataset_maturity	final
5e7f4b4c-1317-57ad-b941-087a69251efc	format	GeoTIFF
5e7f4b4c-1317-57ad-b941-087a69251efc	label	ard_scene_a2
5e7f4b4c-1317-57ad-b941-087a69251efc	platform	landsat-8
5e7f4b4c-1317-57ad-b941-087a69251efc	region_code	092080
5e7f4b4c-1317-57ad-b941-087a69251efc	dataset_maturity	interim
65751a7b-bc19-5d3d-9ee3-0773d7564b36	format	GeoTIFF
65751a7b-bc19-5d3d-9ee3-0773d7564b36	label	ard_scene_a4
65751a7b-bc19-5d3d-9ee3-0773d7564b36	platform	landsat-8
65751a7b-bc19-5d3d-9ee3-0773d7564b36	region_code	090081
65751a7b-bc19-5d3d-9ee3-0773d7564b36	dataset_maturity	final
cf12b339-99af-5fec-bfd6-e28bf813ee2e	format	GeoTIFF
cf12b339-99af-5fec-bfd6-e28bf813ee2e	label	ard_scene_a6
cf12b339-99af-5fec-bfd6-e28bf813ee2e	platform	landsat-8
cf12b339-99af-5fec-bfd6-e28bf813ee2e	region_code	092081
cf12b339-99af-5fec-bfd6-e28bf813ee2e	dataset_maturity	interim
f67e7bef-6748-521f-b529-99a40f1e2dd5	format	GeoTIFF
f67e7bef-6748-521f-b529-99a40f1e2dd5	label	ard_scene_a8
f67e7bef-6748-521f-b529-99a40f1e2dd5	platform	landsat-8
f67e7bef-6748-521f-b529-99a40f1e2dd5	region_code	090082
f67e7bef-6748-521f-b529-99a40f1e2dd5	dataset_maturity	final
22f8a165-6a31-51e1-b46b-09466ea0ff76	format	GeoTIFF
22f8a165-6a31-51e1-b46b-09466ea0ff76	label	ard_scene_a10
22f8a165-6a31-51e1-b46b-09466ea0ff76	platform	landsat-8
22f8a165-6a31-51e1-b46b-09466ea0ff76	region_code	092082
22f8a165-6a31-51e1-b46b-09466ea0ff76	dataset_maturity	interim
1f902120-fb2c-5647-b7a4-9da287727ee6	format	GeoTIFF
1f902120-fb2c-5647-b7a4-9da287727ee6	label	ard_scene_a12
1f902120-fb2c-5647-b7a4-9da287727ee6	platform	landsat-8
1f902120-fb2c-5647-b7a4-9da287727ee6	region_code	090083
1f902120-fb2c-5647-b7a4-9da287727ee6	dataset_maturity	final
664a592b-37da-5c2f-aa10-61e13af75503	format	GeoTIFF
664a592b-37da-5c2f-aa10-61e13af75503	label	ard_scene_a14
664a592b-37da-5c2f-aa10-61e13af75503	platform	landsat-8
664a592b-37da-5c2f-aa10-61e13af75503	region_code	092083
664a592b-37da-5c2f-aa10-61e13af75503	dataset_maturity	interim
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	format	GeoTIFF
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	label	ard_scene_from_external
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	platform	landsat-8
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	region_code	external
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	dataset_maturity	final
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	format	GeoTIFF
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	label	s2_tiles_s1
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	platform	sentinel-2a
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	instrument	\N
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	region_code	55HB
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	product_family	s2
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	dataset_maturity	\N
4ae10334-a4c0-552d-8670-4af461a0beb4	format	GeoTIFF
4ae10334-a4c0-552d-8670-4af461a0beb4	label	s2_tiles_s3
4ae10334-a4c0-552d-8670-4af461a0beb4	platform	sentinel-2b
4ae10334-a4c0-552d-8670-4af461a0beb4	instrument	\N
4ae10334-a4c0-552d-8670-4af461a0beb4	region_code	55HD
4ae10334-a4c0-552d-8670-4af461a0beb4	product_family	s2
4ae10334-a4c0-552d-8670-4af461a0beb4	dataset_maturity	\N
602acc21-799c-58a2-9a20-f599a3c66a20	format	GeoTIFF
602acc21-799c-58a2-9a20-f599a3c66a20	label	s2_tiles_s5
602acc21-799c-58a2-9a20-f599a3c66a20	platform	sentinel-2a
602acc21-799c-58a2-9a20-f599a3c66a20	instrument	\N
602acc21-799c-58a2-9a20-f599a3c66a20	region_code	55HF
602acc21-799c-58a2-9a20-f599a3c66a20	product_family	s2
602acc21-799c-58a2-9a20-f599a3c66a20	dataset_maturity	\N
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	format	GeoTIFF
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	label	s2_tiles_s7
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	platform	sentinel-2a
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	instrument	\N
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	region_code	55HH
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	product_family	s2
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	dataset_maturity	\N
93915a8a-a12d-5c53-bf01-f1bceb17c568	format	GeoTIFF
93915a8a-a12d-5c53-bf01-f1bceb17c568	label	s2_tiles_s9
66a65bbd-4114-5e12-add6-cd161aac635d	format	GeoTIFF
66a65bbd-4114-5e12-add6-cd161aac635d	label	ard_scene_a1
66a65bbd-4114-5e12-add6-cd161aac635d	platform	landsat-8
66a65bbd-4114-5e12-add6-cd161aac635d	region_code	091080
66a65bbd-4114-5e12-add6-cd161aac635d	dataset_maturity	final
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	format	GeoTIFF
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	label	ard_scene_a3
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	platform	landsat-8
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	region_code	093080
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	dataset_maturity	nrt
e066d3d4-fcad-562e-a159-1987c6e527cd	format	GeoTIFF
e066d3d4-fcad-562e-a159-1987c6e527cd	label	ard_scene_a5
e066d3d4-fcad-562e-a159-1987c6e527cd	platform	landsat-8
e066d3d4-fcad-562e-a159-1987c6e527cd	region_code	091081
e066d3d4-fcad-562e-a159-1987c6e527cd	dataset_maturity	final
c01fdbc4-9305-50fb-8055-aa34629ce354	format	GeoTIFF
c01fdbc4-9305-50fb-8055-aa34629ce354	label	ard_scene_a7
c01fdbc4-9305-50fb-8055-aa34629ce354	platform	landsat-8
c01fdbc4-9305-50fb-8055-aa34629ce354	region_code	093081
c01fdbc4-9305-50fb-8055-aa34629ce354	dataset_maturity	nrt
65f84e7d-6998-5aa0-aaa4-59e48cee1312	format	GeoTIFF
65f84e7d-6998-5aa0-aaa4-59e48cee1312	label	ard_scene_a9
65f84e7d-6998-5aa0-aaa4-59e48cee1312	platform	landsat-8
65f84e7d-6998-5aa0-aaa4-59e48cee1312	region_code	091082
65f84e7d-6998-5aa0-aaa4-59e48cee1312	dataset_maturity	final
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	format	GeoTIFF
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	label	ard_scene_a11
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	platform	landsat-8
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	region_code	093082
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	dataset_maturity	nrt
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	format	GeoTIFF
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	label	ard_scene_a13
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	platform	landsat-8
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	region_code	091083
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	dataset_maturity	final
a395abea-8ba8-5ee1-9753-5185611504d1	format	GeoTIFF
a395abea-8ba8-5ee1-9753-5185611504d1	label	ard_scene_a15
a395abea-8ba8-5ee1-9753-5185611504d1	platform	landsat-8
a395abea-8ba8-5ee1-9753-5185611504d1	region_code	093083
a395abea-8ba8-5ee1-9753-5185611504d1	dataset_maturity	nrt
4a1f16be-f557-53c1-b44a-56a1804c254e	format	GeoTIFF
4a1f16be-f557-53c1-b44a-56a1804c254e	label	s2_tiles_s0
4a1f16be-f557-53c1-b44a-56a1804c254e	platform	sentinel-2b
4a1f16be-f557-53c1-b44a-56a1804c254e	instrument	\N
4a1f16be-f557-53c1-b44a-56a1804c254e	region_code	55HA
4a1f16be-f557-53c1-b44a-56a1804c254e	product_family	s2
4a1f16be-f557-53c1-b44a-56a1804c254e	dataset_maturity	\N
12be0b77-bec0-5bdf-95bb-d29612c5629f	format	GeoTIFF
12be0b77-bec0-5bdf-95bb-d29612c5629f	label	s2_tiles_s2
12be0b77-bec0-5bdf-95bb-d29612c5629f	platform	sentinel-2a
12be0b77-bec0-5bdf-95bb-d29612c5629f	instrument	\N
12be0b77-bec0-5bdf-95bb-d29612c5629f	region_code	55HC
12be0b77-bec0-5bdf-95bb-d29612c5629f	product_family	s2
12be0b77-bec0-5bdf-95bb-d29612c5629f	dataset_maturity	\N
0e800198-859c-5244-a8f4-ec5c239f8fbc	format	GeoTIFF
0e800198-859c-5244-a8f4-ec5c239f8fbc	label	s2_tiles_s4
0e800198-859c-5244-a8f4-ec5c239f8fbc	platform	sentinel-2a
0e800198-859c-5244-a8f4-ec5c239f8fbc	instrument	\N
0e800198-859c-5244-a8f4-ec5c239f8fbc	region_code	55HE
0e800198-859c-5244-a8f4-ec5c239f8fbc	product_family	s2
0e800198-859c-5244-a8f4-ec5c239f8fbc	dataset_maturity	\N
cf5f2f42-d0b9-5f9a-831b-34267482d146	format	GeoTIFF
cf5f2f42-d0b9-5f9a-831b-34267482d146	label	s2_tiles_s6
cf5f2f42-d0b9-5f9a-831b-34267482d146	platform	sentinel-2b
cf5f2f42-d0b9-5f9a-831b-34267482d146	instrument	\N
cf5f2f42-d0b9-5f9a-831b-34267482d146	region_code	55HG
cf5f2f42-d0b9-5f9a-831b-34267482d146	product_family	s2
cf5f2f42-d0b9-5f9a-831b-34267482d146	dataset_maturity	\N
342ab01d-1267-593b-8fd8-b90cd60f67ed	format	GeoTIFF
342ab01d-1267-593b-8fd8-b90cd60f67ed	label	s2_tiles_s8
342ab01d-1267-593b-8fd8-b90cd60f67ed	platform	sentinel-2a
342ab01d-1267-593b-8fd8-b90cd60f67ed	instrument	\N
342ab01d-1267-593b-8fd8-b90cd60f67ed	region_code	55HI
342ab01d-1267-593b-8fd8-b90cd60f67ed	product_family	s2
342ab01d-1267-593b-8fd8-b90cd60f67ed	dataset_maturity	\N
93915a8a-a12d-5c53-bf01-f1bceb17c568	platform	sentinel-2b
93915a8a-a12d-5c53-bf01-f1bceb17c568	instrument	\N
93915a8a-a12d-5c53-bf01-f1bceb17c568	region_code	55HJ
93915a8a-a12d-5c53-bf01-f1bceb17c568	product_family	s2
93915a8a-a12d-5c53-bf01-f1bceb17c568	dataset_maturity	\N
740e72bb-4f79-572f-9c02-f9b563fa507c	format	GeoTIFF
740e72bb-4f79-572f-9c02-f9b563fa507c	label	s2_tiles_s10
740e72bb-4f79-572f-9c02-f9b563fa507c	platform	sentinel-2a
740e72bb-4f79-572f-9c02-f9b563fa507c	instrument	\N
740e72bb-4f79-572f-9c02-f9b563fa507c	region_code	55HK
740e72bb-4f79-572f-9c02-f9b563fa507c	product_family	s2
740e72bb-4f79-572f-9c02-f9b563fa507c	dataset_maturity	\N
4075085e-d1d0-5aae-a6d7-163134aba929	format	GeoTIFF
4075085e-d1d0-5aae-a6d7-163134aba929	label	s2_tiles_s11
4075085e-d1d0-5aae-a6d7-163134aba929	platform	sentinel-2a
4075085e-d1d0-5aae-a6d7-163134aba929	instrument	\N
4075085e-d1d0-5aae-a6d7-163134aba929	region_code	55HL
4075085e-d1d0-5aae-a6d7-163134aba929	product_family	s2
4075085e-d1d0-5aae-a6d7-163134aba929	dataset_maturity	\N
4e2ba050-c7be-5215-be9c-cbc9833ed63b	format	GeoTIFF
4e2ba050-c7be-5215-be9c-cbc9833ed63b	label	wofs_nan_w0
4e2ba050-c7be-5215-be9c-cbc9833ed63b	platform	\N
4e2ba050-c7be-5215-be9c-cbc9833ed63b	instrument	\N
4e2ba050-c7be-5215-be9c-cbc9833ed63b	region_code	w0
4e2ba050-c7be-5215-be9c-cbc9833ed63b	product_family	\N
4e2ba050-c7be-5215-be9c-cbc9833ed63b	dataset_maturity	\N
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	format	GeoTIFF
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	label	wofs_nan_w1
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	platform	\N
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	instrument	\N
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	region_code	w1
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	product_family	\N
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	dataset_maturity	\N
673a79a1-5d9d-5c76-ba39-e60009bed04b	format	GeoTIFF
673a79a1-5d9d-5c76-ba39-e60009bed04b	label	wofs_nan_w2
673a79a1-5d9d-5c76-ba39-e60009bed04b	platform	\N
673a79a1-5d9d-5c76-ba39-e60009bed04b	instrument	\N
673a79a1-5d9d-5c76-ba39-e60009bed04b	region_code	w2
673a79a1-5d9d-5c76-ba39-e60009bed04b	product_family	\N
673a79a1-5d9d-5c76-ba39-e60009bed04b	dataset_maturity	\N
39758704-bf4d-5de6-af39-0d7221399231	format	GeoTIFF
39758704-bf4d-5de6-af39-0d7221399231	label	wofs_nan_w3
39758704-bf4d-5de6-af39-0d7221399231	platform	\N
39758704-bf4d-5de6-af39-0d7221399231	instrument	\N
39758704-bf4d-5de6-af39-0d7221399231	region_code	w3
39758704-bf4d-5de6-af39-0d7221399231	product_family	\N
39758704-bf4d-5de6-af39-0d7221399231	dataset_maturity	\N
753fd59e-c819-5d11-8bf5-379edb5bff50	format	GeoTIFF
753fd59e-c819-5d11-8bf5-379edb5bff50	label	wofs_nan_w4
753fd59e-c819-5d11-8bf5-379edb5bff50	platform	\N
753fd59e-c819-5d11-8bf5-379edb5bff50	instrument	\N
753fd59e-c819-5d11-8bf5-379edb5bff50	region_code	w0
753fd59e-c819-5d11-8bf5-379edb5bff50	product_family	\N
753fd59e-c819-5d11-8bf5-379edb5bff50	dataset_maturity	\N
a2f1720f-d791-5310-852f-3160c4d716ea	format	GeoTIFF
a2f1720f-d791-5310-852f-3160c4d716ea	label	wofs_nan_w6
a2f1720f-d791-5310-852f-3160c4d716ea	platform	\N
a2f1720f-d791-5310-852f-3160c4d716ea	instrument	\N
a2f1720f-d791-5310-852f-3160c4d716ea	region_code	w2
a2f1720f-d791-5310-852f-3160c4d716ea	product_family	\N
a2f1720f-d791-5310-852f-3160c4d716ea	dataset_maturity	\N
7f74ead4-ed65-55e5-b4bd-41844f397da8	format	GeoTIFF
7f74ead4-ed65-55e5-b4bd-41844f397da8	label	wofs_nan_w5
7f74ead4-ed65-55e5-b4bd-41844f397da8	platform	\N
7f74ead4-ed65-55e5-b4bd-41844f397da8	instrument	\N
7f74ead4-ed65-55e5-b4bd-41844f397da8	region_code	w1
7f74ead4-ed65-55e5-b4bd-41844f397da8	product_family	\N
7f74ead4-ed65-55e5-b4bd-41844f397da8	dataset_maturity	\N
e1beef85-1b84-52a4-8e09-283634e2d991	format	GeoTIFF
e1beef85-1b84-52a4-8e09-283634e2d991	label	wofs_nan_w7
e1beef85-1b84-52a4-8e09-283634e2d991	platform	\N
e1beef85-1b84-52a4-8e09-283634e2d991	instrument	\N
e1beef85-1b84-52a4-8e09-283634e2d991	region_code	w3
e1beef85-1b84-52a4-8e09-283634e2d991	product_family	\N
e1beef85-1b84-52a4-8e09-283634e2d991	dataset_maturity	\N
\.


--
-- Data for Name: metadata_type; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.metadata_type (id, name, definition, added, added_by, updated) FROM stdin;
1	eo3	{"name": "eo3", "dataset": {"id": ["id"], "label": ["label"], "format": ["properties", "odc:file_format"], "sources": ["lineage", "source_datasets"], "creation_dt": ["properties", "odc:processing_datetime"], "grid_spatial": ["grid_spatial", "projection"], "measurements": ["measurements"], "search_fields": {"lat": {"type": "double-range", "max_offset": [["extent", "lat", "end"]], "min_offset": [["extent", "lat", "begin"]], "description": "Latitude range"}, "lon": {"type": "double-range", "max_offset": [["extent", "lon", "end"]], "min_offset": [["extent", "lon", "begin"]], "description": "Longitude range"}, "time": {"type": "datetime-range", "max_offset": [["properties", "dtr:end_datetime"], ["properties", "datetime"]], "min_offset": [["properties", "dtr:start_datetime"], ["properties", "datetime"]], "description": "Acquisition time range"}, "platform": {"offset": ["properties", "eo:platform"], "indexed": false, "description": "Platform code"}, "instrument": {"offset": ["properties", "eo:instrument"], "indexed": false, "description": "Instrument name"}, "cloud_cover": {"type": "double", "offset": ["properties", "eo:cloud_cover"], "indexed": false, "description": "Cloud cover percentage [0, 100]"}, "region_code": {"offset": ["properties", "odc:region_code"], "description": "Spatial reference code from the provider. For Landsat region_code is a scene path row:\\n        '{:03d}{:03d}.format(path,row)'.\\nFor Sentinel it is MGRS code. In general it is a unique string identifier that datasets covering roughly the same spatial region share.\\n"}, "product_family": {"offset": ["properties", "odc:product_family"], "indexed": false, "description": "Product family code"}, "dataset_maturity": {"offset": ["properties", "dea:dataset_maturity"], "indexed": false, "description": "One of - final|interim|nrt  (near real time)"}}}, "description": "Default EO3 with no custom fields"}	2026-12-06 23:12:28.32809+00	postgres	2026-12-06 23:12:28.32809+00
2	eo3_ard	{"name": "eo3_ard", "dataset": {"id": ["id"], "label": ["label"], "format": ["properties", "odc:file_format"], "sources": ["lineage", "source_datasets"], "creation_dt": ["properties", "odc:processing_datetime"], "grid_spatial": ["grid_spatial", "projection"], "measurements": ["measurements"], "search_fields": {"lat": {"type": "double-range", "max_offset": [["extent", "lat", "end"]], "min_offset": [["extent", "lat", "begin"]]}, "lon": {"type": "double-range", "max_offset": [["extent", "lon", "end"]], "min_offset": [["extent", "lon", "begin"]]}, "time": {"type": "datetime-range", "max_offset": [["properties", "dtr:end_datetime"], ["properties", "datetime"]], "min_offset": [["properties", "dtr:start_datetime"], ["properties", "datetime"]]}, "platform": {"offset": ["properties", "eo:platform"], "description": "Platform code"}, "wrs_path": {"type": "integer", "offset": ["properties", "landsat:wrs_path"]}, "gsd_range": {"type": "double-range", "max_offset": [["properties", "landsat:thermal_gsd"], ["properties", "eo:gsd"]], "min_offset": [["properties", "eo:gsd"]]}, "processed": {"type": "datetime", "offset": ["properties", "odc:processing_datetime"]}, "cloud_cover": {"type": "double", "offset": ["properties", "eo:cloud_cover"], "indexed": false}, "region_code": {"offset": ["properties", "odc:region_code"], "description": "Path/row"}, "sun_elevation": {"type": "double", "offset": ["properties", "eo:sun_elevation"]}, "dataset_maturity": {"offset": ["properties", "dea:dataset_maturity"], "indexed": false}}}, "description": "eo3 with analysis-ready fields of our own"}	2026-12-06 23:12:28.830802+00	postgres	2026-12-06 23:12:28.830802+00
\.


--
-- Data for Name: product; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.product (id, name, metadata, metadata_type_ref, definition, added, added_by, updated) FROM stdin;
1	lvl1_scene	{"product": {"name": "lvl1_scene"}}	1	{"name": "lvl1_scene", "license": "CC-BY-4.0", "metadata": {"product": {"name": "lvl1_scene"}}, "description": "lvl1_scene: test data indexed with ODC", "measurements": [{"name": "red", "dtype": "int16", "units": "1", "nodata": -999}, {"name": "nir", "dtype": "int16", "units": "1", "nodata": -999}], "metadata_type": "eo3"}	2026-12-06 23:12:29.229514+00	postgres	2026-12-06 23:12:29.229514+00
2	ard_scene	{"product": {"name": "ard_scene"}, "properties": {"eo:platform": "landsat-8"}}	2	{"load": {"crs": "EPSG:32755", "align": {"x": 0, "y": 0}, "resolution": {"x": 30, "y": -30}}, "name": "ard_scene", "license": "CC-BY-4.0", "metadata": {"product": {"name": "ard_scene"}, "properties": {"eo:platform": "landsat-8"}}, "description": "ard_scene: test data indexed with ODC", "measurements": [{"name": "red", "dtype": "int16", "units": "1", "nodata": -999, "aliases": ["band04"]}, {"name": "nir", "dtype": "int16", "units": "1", "nodata": -999, "aliases": ["band05"]}, {"name": "fmask", "dtype": "uint8", "units": "1", "nodata": 0, "flags_definition": {"fmask": {"bits": [0, 1, 2], "values": {"1": "valid", "2": "cloud", "3": "shadow"}}}}], "metadata_type": "eo3_ard"}	2026-12-06 23:12:29.536893+00	postgres	2026-12-06 23:12:29.536893+00
3	s2_tiles	{"product": {"name": "s2_tiles"}, "properties": {"odc:product_family": "s2"}}	1	{"name": "s2_tiles", "license": "CC-BY-4.0", "metadata": {"product": {"name": "s2_tiles"}, "properties": {"odc:product_family": "s2"}}, "description": "s2_tiles: test data indexed with ODC", "measurements": [{"name": "blue", "dtype": "uint16", "units": "1", "nodata": 0}, {"name": "swir", "dtype": "uint16", "units": "1", "nodata": 0, "spectral_definition": {"response": [0.5, 1.0], "wavelength": [1600, 1610]}}], "metadata_type": "eo3"}	2026-12-06 23:12:29.928514+00	postgres	2026-12-06 23:12:29.928514+00
4	wofs_nan	{"product": {"name": "wofs_nan"}}	1	{"name": "wofs_nan", "license": "CC-BY-4.0", "metadata": {"product": {"name": "wofs_nan"}}, "description": "wofs_nan: test data indexed with ODC", "measurements": [{"name": "water", "dtype": "float32", "units": "1", "nodata": "NaN"}], "metadata_type": "eo3"}	2026-12-06 23:12:30.615896+00	postgres	2026-12-06 23:12:30.615896+00
5	empty_product	{"product": {"name": "empty_product"}}	1	{"name": "empty_product", "license": "CC-BY-4.0", "metadata": {"product": {"name": "empty_product"}}, "description": "empty_product: test data indexed with ODC", "measurements": [{"name": "red", "dtype": "int16", "units": "1", "nodata": -999}], "metadata_type": "eo3"}	2026-12-06 23:12:31.06072+00	postgres	2026-12-06 23:12:31.06072+00
\.


--
-- Data for Name: spatial_4326; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.spatial_4326 (dataset_ref, extent) FROM stdin;
4599b6fb-3163-5b12-bef0-f65e3408c938	0106000020E610000001000000010300000001000000050000002CD70F0FAA7162404CAA26411ECD41C0A0E3A5F773916240C6B39CF402CC41C05C1EE8BAF69062405FCE3CDF2B6441C06C68654E7D716240A15320D43E6541C02CD70F0FAA7162404CAA26411ECD41C0
d3eae2ce-f23b-5952-a7cf-6ed8b2733f40	0106000020E610000001000000010300000001000000050000000E5AD353CB7F6240351EC876C1CC41C05025365F939F62403878E1FA2ECB41C0D83E7E6BF29E6240673233235E6341C0D4069AC97A7F624079694EC5E46441C00E5AD353CB7F6240351EC876C1CC41C0
287daf44-e7ff-51ce-a92e-645806e1f697	0106000020E61000000100000001030000000100000005000000DC708CF2EB8D62408FEBA7AD2FCC41C058751C7BB1AD6240D2C7C11C26CA41C0E81D52DDECAC62408ECA15115D6241C034C83BA5778D6240E9C42A47576441C0DC708CF2EB8D62408FEBA7AD2FCC41C0
db55433d-246a-508d-b049-3386542af67c	0106000020E6100000010000000103000000010000000500000066578BA10B9C6240BAA153EF68CB41C074BAFA01CEBB6240F1E6926BE8C841C06ED2DDC9E5BA6240BE1F7DB9286141C04CC4789A739B624082D7DA62966341C066578BA10B9C6240BAA153EF68CB41C0
42e7d855-a2fb-5555-87d0-cda59cb2297d	0106000020E61000000100000001030000000100000005000000C8B2C487BE716240B2C22C8247FB41C02C284B41AD916240BFD6D97228FA41C0626515C62D91624008F6230A539241C06C47C1F990716240E7A80FAF699341C0C8B2C487BE716240B2C22C8247FB41C0
e5ea1102-342d-5214-a07e-ff67b58f7718	0106000020E610000001000000010300000001000000050000003CAB572BF07F624063A56F7CE9FA41C04A6D07FFDC9F62400DC9DCA851F941C0C46B3129399F6240DFFDDC8B829141C0D85F992F9E7F62402139046B0E9341C03CAB572BF07F624063A56F7CE9FA41C0
cc9c6abe-6cc5-5b46-8a9b-0ddf1a6e6262	0106000020E610000001000000010300000001000000050000007887DE25218E6240C8CEDEC355FA41C00EE6196B0BAE62407164ED4645F841C0483EE84743AD62400C526F077E9041C0D8850BC3AA8D6240112D16077F9241C07887DE25218E6240C8CEDEC355FA41C0
158f270b-93a3-56aa-a5ee-2b192ef8cf76	0106000020E61000000100000001030000000100000005000000E859542C519C6240D1B737628CF941C00C00D23A38BC6240A2C5B75E03F741C002E275DA4BBB62404540C68D458F41C01C4A056CB69B62400C9F988CBB9141C0E859542C519C6240D1B737628CF941C0
d4f62221-a20b-51a1-b383-e299b9f263a8	0106000020E6100000010000000103000000010000000500000080F06C5ED3716240542DBC0B702942C060CDC391E79162408776FB304D2842C098B1C0CD659162405F0C267779C041C0E83F5EFFA471624065BB51D493C141C080F06C5ED3716240542DBC0B702942C0
9a86cafb-2ca5-5b10-b30d-bb1a9333c1f9	0106000020E61000000100000001030000000100000005000000EABBEBAB15806240E76BCBC7102942C0F8C189F027A062408A974690732742C0148B502B819F624096297D30A6BF41C0540D0238C27F6240E26E5B5837C141C0EABBEBAB15806240E76BCBC7102942C0
d2d29ad2-8a07-510c-838b-b2083c6ec29a	0106000020E610000001000000010300000001000000050000006AE7464D578E62409755571B7B2842C0768D7AF766AE62404BE076A2632642C028C7AF3E9BAD6240CA3314329EBE41C0B48658CBDE8D62402A78680AA6C041C06AE7464D578E62409755571B7B2842C0
d9c2d004-45c6-5757-bcf9-ecb1f5f0281a	0106000020E6100000010000000103000000010000000500000068B21AF6979C6240455B4E10AF2742C0D896895AA4BC6240F42E91791D2542C0E875D3BEB3BB6240D1032B8D61BD41C0FCB80570FA9B62406E95FAF3DFBF41C068B21AF6979C6240455B4E10AF2742C0
628f5d15-bc63-52a2-86c6-67a6994a8b4c	0106000020E61000000100000001030000000100000005000000AC98C094E8716240416815DD975742C01CE8DDED2292624007960F2E715642C0E6516DD69E916240B58C43259FEE41C0F495D960B9716240E8B81643BDEF41C0AC98C094E8716240416815DD975742C0
2f855e15-d365-5f65-9c05-ee93415e5c19	0106000020E61000000100000001030000000100000005000000AC2EA7D83B80624034640B58375742C0A2BDE83974A06240CB3107B0945542C0903EA777CA9F6240C38FF00FC9ED41C0268DBBE5E67F62409396748C5FEF41C0AC2EA7D83B80624034640B58375742C0
edfa1048-f107-5623-936d-0025d8631c3a	0106000020E6100000010000000103000000010000000500000000143C6D8E8E62404E7927B39F5642C0E619C627C4AE62404980172E815442C0A45BBBC8F4AD624063D7B48FBDEC41C0E4D853C2138E624088A72950CCEE41C000143C6D8E8E62404E7927B39F5642C0
d575ce75-5a69-52ef-9e0e-faa1534959d9	0106000020E6100000010000000103000000010000000500000054B9B204E09C6240E3278AF8D05542C02C7F036A12BD6240B31AA0BA365342C02C974E7F1DBC6240F89C26B67CEB41C0BEBAF3AB3F9C62405151E79703EE41C054B9B204E09C6240E3278AF8D05542C0
babe9a43-302c-5b4a-881e-96c320c11a7c	0106000020E6100000020000000103000000010000000500000000000000008066406495D233BD1032C0643508FCAA776640E2F8861CBB1132C0C04CAC0315786640D72190FABAE132C0000000000080664050C24CDBBFE032C000000000008066406495D233BD1032C00103000000010000000500000000000000008066C050C24CDBBFE032C06FDAD50E9E6C66C0CB7BB29BFEDD32C0F29993CC286D66C0FD03B0B62A0E32C000000000008066C06495D233BD1032C000000000008066C050C24CDBBFE032C0
77a1b391-950f-5eae-a7c9-ad6b3a47f722	0106000020E61000000100000001030000000100000005000000347A1D51CBA66240A263D7C1C1E141C07AFB15E202BC624013BC1600F6DF41C0785460A765BB6240CD15A4A1CC9A41C0309EDF4252A66240A64DA95B8F9C41C0347A1D51CBA66240A263D7C1C1E141C0
96c3a498-69ff-5c0b-a499-760eefc468d7	0106000020E610000001000000010300000001000000050000006C68654E7D716240A15320D43E6541C02CD70F0FAA7162404CAA26411ECD41C0A0E3A5F773916240C6B39CF402CC41C05C1EE8BAF69062405FCE3CDF2B6441C06C68654E7D716240A15320D43E6541C0
66a65bbd-4114-5e12-add6-cd161aac635d	0106000020E610000001000000010300000001000000050000000E5AD353CB7F6240351EC876C1CC41C05025365F939F62403878E1FA2ECB41C0D83E7E6BF29E6240673233235E6341C0D4069AC97A7F624079694EC5E46441C00E5AD353CB7F6240351EC876C1CC41C0
5e7f4b4c-1317-57ad-b941-087a69251efc	0106000020E61000000100000001030000000100000005000000DC708CF2EB8D62408FEBA7AD2FCC41C058751C7BB1AD6240D2C7C11C26CA41C0E81D52DDECAC62408ECA15115D6241C034C83BA5778D6240E9C42A47576441C0DC708CF2EB8D62408FEBA7AD2FCC41C0
898d4afd-9f5e-5ed9-8b04-3852af7b6ca5	0106000020E610000001000000010300000001000000050000004CC4789A739B624082D7DA62966341C066578BA10B9C6240BAA153EF68CB41C074BAFA01CEBB6240F1E6926BE8C841C06ED2DDC9E5BA6240BE1F7DB9286141C04CC4789A739B624082D7DA62966341C0
65751a7b-bc19-5d3d-9ee3-0773d7564b36	0106000020E61000000100000001030000000100000005000000C8B2C487BE716240B2C22C8247FB41C02C284B41AD916240BFD6D97228FA41C0626515C62D91624008F6230A539241C06C47C1F990716240E7A80FAF699341C0C8B2C487BE716240B2C22C8247FB41C0
e066d3d4-fcad-562e-a159-1987c6e527cd	0106000020E610000001000000010300000001000000050000003CAB572BF07F624063A56F7CE9FA41C04A6D07FFDC9F62400DC9DCA851F941C0C46B3129399F6240DFFDDC8B829141C0D85F992F9E7F62402139046B0E9341C03CAB572BF07F624063A56F7CE9FA41C0
cf12b339-99af-5fec-bfd6-e28bf813ee2e	0106000020E61000000100000001030000000100000005000000D8850BC3AA8D6240112D16077F9241C07887DE25218E6240C8CEDEC355FA41C00EE6196B0BAE62407164ED4645F841C0483EE84743AD62400C526F077E9041C0D8850BC3AA8D6240112D16077F9241C0
c01fdbc4-9305-50fb-8055-aa34629ce354	0106000020E61000000100000001030000000100000005000000E859542C519C6240D1B737628CF941C00C00D23A38BC6240A2C5B75E03F741C002E275DA4BBB62404540C68D458F41C01C4A056CB69B62400C9F988CBB9141C0E859542C519C6240D1B737628CF941C0
f67e7bef-6748-521f-b529-99a40f1e2dd5	0106000020E6100000010000000103000000010000000500000080F06C5ED3716240542DBC0B702942C060CDC391E79162408776FB304D2842C098B1C0CD659162405F0C267779C041C0E83F5EFFA471624065BB51D493C141C080F06C5ED3716240542DBC0B702942C0
65f84e7d-6998-5aa0-aaa4-59e48cee1312	0106000020E61000000100000001030000000100000005000000540D0238C27F6240E26E5B5837C141C0EABBEBAB15806240E76BCBC7102942C0F8C189F027A062408A974690732742C0148B502B819F624096297D30A6BF41C0540D0238C27F6240E26E5B5837C141C0
22f8a165-6a31-51e1-b46b-09466ea0ff76	0106000020E610000001000000010300000001000000050000006AE7464D578E62409755571B7B2842C0768D7AF766AE62404BE076A2632642C028C7AF3E9BAD6240CA3314329EBE41C0B48658CBDE8D62402A78680AA6C041C06AE7464D578E62409755571B7B2842C0
28cc0fe4-918e-5fde-9418-4e35b5db2fc6	0106000020E6100000010000000103000000010000000500000068B21AF6979C6240455B4E10AF2742C0D896895AA4BC6240F42E91791D2542C0E875D3BEB3BB6240D1032B8D61BD41C0FCB80570FA9B62406E95FAF3DFBF41C068B21AF6979C6240455B4E10AF2742C0
1f902120-fb2c-5647-b7a4-9da287727ee6	0106000020E61000000100000001030000000100000005000000F495D960B9716240E8B81643BDEF41C0AC98C094E8716240416815DD975742C01CE8DDED2292624007960F2E715642C0E6516DD69E916240B58C43259FEE41C0F495D960B9716240E8B81643BDEF41C0
dcf3e85f-e5a3-5d4b-81e4-feae835d36ad	0106000020E61000000100000001030000000100000005000000AC2EA7D83B80624034640B58375742C0A2BDE83974A06240CB3107B0945542C0903EA777CA9F6240C38FF00FC9ED41C0268DBBE5E67F62409396748C5FEF41C0AC2EA7D83B80624034640B58375742C0
664a592b-37da-5c2f-aa10-61e13af75503	0106000020E6100000010000000103000000010000000500000000143C6D8E8E62404E7927B39F5642C0E619C627C4AE62404980172E815442C0A45BBBC8F4AD624063D7B48FBDEC41C0E4D853C2138E624088A72950CCEE41C000143C6D8E8E62404E7927B39F5642C0
a395abea-8ba8-5ee1-9753-5185611504d1	0106000020E61000000100000001030000000100000005000000BEBAF3AB3F9C62405151E79703EE41C054B9B204E09C6240E3278AF8D05542C02C7F036A12BD6240B31AA0BA365342C02C974E7F1DBC6240F89C26B67CEB41C0BEBAF3AB3F9C62405151E79703EE41C0
d544eb73-3761-5dd9-8e7e-5868bfb0ac4b	0106000020E61000000100000001030000000100000005000000D4D5119A73716240C69ACA22294E41C0C049F7F7638662403F55A7C98F4D41C070E5CB102586624036D0D2B6500841C0B0FB330057716240E9349D00E70841C0D4D5119A73716240C69ACA22294E41C0
4a1f16be-f557-53c1-b44a-56a1804c254e	0106000020E61000000100000001030000000100000005000000288820C45DDA62405BC9B968853441C06A77D7549600634096C1C7BD7E3641C058B228DEF2006340187978B0C1B740C0F40A80BD2ADB6240F90C44C2DAB540C0288820C45DDA62405BC9B968853441C0
2e85fa3c-276d-5fd3-bba8-f61b10e7cade	0106000020E6100000010000000103000000010000000500000006834B57933D6240A4D3B331A5B740C09A7BBDC12C3D6240AE6D492B613641C0640A3EC369636240A8948E50FE3641C0A0F7CDB45F636240F181B79D3CB840C006834B57933D6240A4D3B331A5B740C0
12be0b77-bec0-5bdf-95bb-d29612c5629f	0106000020E610000001000000010300000001000000050000000000000000206340A06CB7D6FF3641C0D845E7C63C4663400627168D403641C03CC89625CC456340B8689EC385B740C00000000000206340743BAA153EB840C00000000000206340A06CB7D6FF3641C0
4ae10334-a4c0-552d-8670-4af461a0beb4	0106000020E610000001000000010300000001000000050000006E689A2F9A196240169897D4DCA741C0709F9E083E4062400848C64BE7A941C090EE81C69E406240FB445F222F2B41C0C8C14C78701A624016282876372941C06E689A2F9A196240169897D4DCA741C0
0e800198-859c-5244-a8f4-ec5c239f8fbc	0106000020E6100000010000000103000000010000000500000050F823DFCAFC6240E6978EB8C8A941C0ACFBC55B732363405D031D326BAA41C05C8E52D868236340E03ADF49AE2B41C0226C1F1E36FD624087A2BEA8112B41C050F823DFCAFC6240E6978EB8C8A941C0
602acc21-799c-58a2-9a20-f599a3c66a20	0106000020E610000001000000010300000001000000050000000000000000606240DEF8BFCEAF2B41C00000000000606240EB4B81C56CAA41C0F0B9693FA88662406AD432FFA6A941C0B827D97F328662405384F825F12A41C00000000000606240DEF8BFCEAF2B41C0
cf5f2f42-d0b9-5f9a-831b-34267482d146	0106000020E6100000010000000103000000010000000500000042E8C3BACDD862406024B65C2F1B42C072D1E8B9E1FF6240778DB3564B1D42C074B677DC46006340654ED120989E41C0D06120BDADD96240A64DA95B8F9C41C042E8C3BACDD862406024B65C2F1B42C0
d7abac4a-1c76-51fa-b8e2-d70ae1a62b0c	0106000020E610000001000000010300000001000000050000005ED9A28A643C6240E8A018BD2B1D42C0782DE0637D63624070060BA9D31D42C002952E667263624016A58E991B9F41C0A4BC5CA8D43C6240A41401A7799E41C05ED9A28A643C6240E8A018BD2B1D42C0
342ab01d-1267-593b-8fd8-b90cd60f67ed	0106000020E6100000010000000103000000010000000500000000000000002063405084F549D51D42C0BED5359918476340F66355E2081D42C07A62DD809D466340D769AA09589E41C00000000000206340E8B8A32B1D9F41C000000000002063405084F549D51D42C0
93915a8a-a12d-5c53-bf01-f1bceb17c568	0106000020E610000001000000010300000001000000050000006814762BE2186240944C4A5FE20F42C058E977FDF71762408B835EEE7C8E42C034B29939813F624041A36FD1AA9042C0B4E761F4EA3F6240F0BB899DFC1142C06814762BE2186240944C4A5FE20F42C0
740e72bb-4f79-572f-9c02-f9b563fa507c	0106000020E61000000100000001030000000100000005000000D2C90190F9FB62402CB7732B8A9042C012F2ABE087236340B9C5A2A9379142C0FC3121637C2363406002D37F841242C0B82B9FC56EFC624081FBE71DDD1142C0D2C90190F9FB62402CB7732B8A9042C0
4075085e-d1d0-5aae-a6d7-163134aba929	0106000020E61000000100000001030000000100000005000000000000000060624089916258399142C0182E9F0D8E876240CE82AD28669042C03041C35D0D8762402C89CA5FBA1142C00000000000606240E2C7661F861242C0000000000060624089916258399142C0
f8a8f4aa-acba-5c61-84bf-e37dc4f4a77d	0106000020E6100000010000000103000000010000000500000084EB51B81EA5624014AE47E17A9441C00AD7A3703DAA624014AE47E17A9441C00AD7A3703DAA624000000000008041C084EB51B81EA5624000000000008041C084EB51B81EA5624014AE47E17A9441C0
39758704-bf4d-5de6-af39-0d7221399231	0106000020E6100000010000000103000000010000000500000090C2F5285CAF624014AE47E17A9441C014AE47E17AB4624014AE47E17A9441C014AE47E17AB4624000000000008041C090C2F5285CAF624000000000008041C090C2F5285CAF624014AE47E17A9441C0
7f74ead4-ed65-55e5-b4bd-41844f397da8	0106000020E6100000010000000103000000010000000500000084EB51B81EA56240285C8FC2F5A841C00AD7A3703DAA6240285C8FC2F5A841C00AD7A3703DAA624014AE47E17A9441C084EB51B81EA5624014AE47E17A9441C084EB51B81EA56240285C8FC2F5A841C0
e1beef85-1b84-52a4-8e09-283634e2d991	0106000020E6100000010000000103000000010000000500000090C2F5285CAF6240285C8FC2F5A841C014AE47E17AB46240285C8FC2F5A841C014AE47E17AB4624014AE47E17A9441C090C2F5285CAF624014AE47E17A9441C090C2F5285CAF6240285C8FC2F5A841C0
4e2ba050-c7be-5215-be9c-cbc9833ed63b	0106000020E610000001000000010300000001000000050000000000000000A0624014AE47E17A9441C084EB51B81EA5624014AE47E17A9441C084EB51B81EA5624000000000008041C00000000000A0624000000000008041C00000000000A0624014AE47E17A9441C0
673a79a1-5d9d-5c76-ba39-e60009bed04b	0106000020E610000001000000010300000001000000050000000AD7A3703DAA624014AE47E17A9441C090C2F5285CAF624014AE47E17A9441C090C2F5285CAF624000000000008041C00AD7A3703DAA624000000000008041C00AD7A3703DAA624014AE47E17A9441C0
753fd59e-c819-5d11-8bf5-379edb5bff50	0106000020E610000001000000010300000001000000050000000000000000A06240285C8FC2F5A841C084EB51B81EA56240285C8FC2F5A841C084EB51B81EA5624014AE47E17A9441C00000000000A0624014AE47E17A9441C00000000000A06240285C8FC2F5A841C0
a2f1720f-d791-5310-852f-3160c4d716ea	0106000020E610000001000000010300000001000000050000000AD7A3703DAA6240285C8FC2F5A841C090C2F5285CAF6240285C8FC2F5A841C090C2F5285CAF624014AE47E17A9441C00AD7A3703DAA624014AE47E17A9441C00AD7A3703DAA6240285C8FC2F5A841C0
\.


--
-- Data for Name: spatial_indicies; Type: TABLE DATA; Schema: odc; Owner: -
--

COPY odc.spatial_indicies (srid, table_name, added, added_by) FROM stdin;
4326	spatial_4326	2026-12-06 23:12:28.541042+00	postgres
\.


--
-- Data for Name: spatial_ref_sys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) FROM stdin;
\.


--
-- Name: metadata_type_id_seq; Type: SEQUENCE SET; Schema: odc; Owner: -
--

SELECT pg_catalog.setval('odc.metadata_type_id_seq', 2, true);


--
-- Name: product_id_seq; Type: SEQUENCE SET; Schema: odc; Owner: -
--

SELECT pg_catalog.setval('odc.product_id_seq', 5, true);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: dataset_home dataset_home_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset_home
    ADD CONSTRAINT dataset_home_pkey PRIMARY KEY (dataset_ref);


--
-- Name: dataset_lineage dataset_lineage_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset_lineage
    ADD CONSTRAINT dataset_lineage_pkey PRIMARY KEY (source_dataset_ref, derived_dataset_ref);


--
-- Name: dataset dataset_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset
    ADD CONSTRAINT dataset_pkey PRIMARY KEY (id);


--
-- Name: dataset_search_datetime dataset_search_datetime_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset_search_datetime
    ADD CONSTRAINT dataset_search_datetime_pkey PRIMARY KEY (dataset_ref, search_key);


--
-- Name: dataset_search_num dataset_search_num_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset_search_num
    ADD CONSTRAINT dataset_search_num_pkey PRIMARY KEY (dataset_ref, search_key);


--
-- Name: dataset_search_string dataset_search_string_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset_search_string
    ADD CONSTRAINT dataset_search_string_pkey PRIMARY KEY (dataset_ref, search_key);


--
-- Name: metadata_type metadata_type_name_key; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.metadata_type
    ADD CONSTRAINT metadata_type_name_key UNIQUE (name);


--
-- Name: metadata_type metadata_type_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.metadata_type
    ADD CONSTRAINT metadata_type_pkey PRIMARY KEY (id);


--
-- Name: product product_name_key; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.product
    ADD CONSTRAINT product_name_key UNIQUE (name);


--
-- Name: product product_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.product
    ADD CONSTRAINT product_pkey PRIMARY KEY (id);


--
-- Name: spatial_4326 spatial_4326_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.spatial_4326
    ADD CONSTRAINT spatial_4326_pkey PRIMARY KEY (dataset_ref);


--
-- Name: spatial_indicies spatial_indicies_pkey; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.spatial_indicies
    ADD CONSTRAINT spatial_indicies_pkey PRIMARY KEY (srid);


--
-- Name: spatial_indicies spatial_indicies_table_name_key; Type: CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.spatial_indicies
    ADD CONSTRAINT spatial_indicies_table_name_key UNIQUE (table_name);


--
-- Name: idx_spatial_4326_extent; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX idx_spatial_4326_extent ON odc.spatial_4326 USING gist (extent);


--
-- Name: ix_ds_mdt_active; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_ds_mdt_active ON odc.dataset USING btree (metadata_type_ref) WHERE (archived IS NULL);


--
-- Name: ix_ds_prod_active; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_ds_prod_active ON odc.dataset USING btree (product_ref) WHERE (archived IS NULL);


--
-- Name: ix_dt_search; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_dt_search ON odc.dataset_search_datetime USING gist (search_val);


--
-- Name: ix_lin_derived_classifier; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_lin_derived_classifier ON odc.dataset_lineage USING btree (derived_dataset_ref, classifier);


--
-- Name: ix_num_search; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_num_search ON odc.dataset_search_num USING gist (search_val);


--
-- Name: ix_odc_dataset_added; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_added ON odc.dataset USING btree (added);


--
-- Name: ix_odc_dataset_archived; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_archived ON odc.dataset USING btree (archived);


--
-- Name: ix_odc_dataset_lineage_derived_dataset_ref; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_lineage_derived_dataset_ref ON odc.dataset_lineage USING btree (derived_dataset_ref);


--
-- Name: ix_odc_dataset_lineage_source_dataset_ref; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_lineage_source_dataset_ref ON odc.dataset_lineage USING btree (source_dataset_ref);


--
-- Name: ix_odc_dataset_search_datetime_dataset_ref; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_search_datetime_dataset_ref ON odc.dataset_search_datetime USING btree (dataset_ref);


--
-- Name: ix_odc_dataset_search_datetime_search_key; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_search_datetime_search_key ON odc.dataset_search_datetime USING btree (search_key);


--
-- Name: ix_odc_dataset_search_num_dataset_ref; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_search_num_dataset_ref ON odc.dataset_search_num USING btree (dataset_ref);


--
-- Name: ix_odc_dataset_search_num_search_key; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_search_num_search_key ON odc.dataset_search_num USING btree (search_key);


--
-- Name: ix_odc_dataset_search_string_dataset_ref; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_search_string_dataset_ref ON odc.dataset_search_string USING btree (dataset_ref);


--
-- Name: ix_odc_dataset_search_string_search_key; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_search_string_search_key ON odc.dataset_search_string USING btree (search_key);


--
-- Name: ix_odc_dataset_updated; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_odc_dataset_updated ON odc.dataset USING btree (updated);


--
-- Name: ix_string_search; Type: INDEX; Schema: odc; Owner: -
--

CREATE INDEX ix_string_search ON odc.dataset_search_string USING btree (search_key, search_val);


--
-- Name: dataset row_update_time_dataset; Type: TRIGGER; Schema: odc; Owner: -
--

CREATE TRIGGER row_update_time_dataset BEFORE UPDATE ON odc.dataset FOR EACH ROW EXECUTE FUNCTION odc.set_row_update_time();


--
-- Name: metadata_type row_update_time_metadata_type; Type: TRIGGER; Schema: odc; Owner: -
--

CREATE TRIGGER row_update_time_metadata_type BEFORE UPDATE ON odc.metadata_type FOR EACH ROW EXECUTE FUNCTION odc.set_row_update_time();


--
-- Name: product row_update_time_product; Type: TRIGGER; Schema: odc; Owner: -
--

CREATE TRIGGER row_update_time_product BEFORE UPDATE ON odc.product FOR EACH ROW EXECUTE FUNCTION odc.set_row_update_time();


--
-- Name: dataset dataset_metadata_type_ref_fkey; Type: FK CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset
    ADD CONSTRAINT dataset_metadata_type_ref_fkey FOREIGN KEY (metadata_type_ref) REFERENCES odc.metadata_type(id);


--
-- Name: dataset dataset_product_ref_fkey; Type: FK CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset
    ADD CONSTRAINT dataset_product_ref_fkey FOREIGN KEY (product_ref) REFERENCES odc.product(id);


--
-- Name: dataset_search_datetime dataset_search_datetime_dataset_ref_fkey; Type: FK CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset_search_datetime
    ADD CONSTRAINT dataset_search_datetime_dataset_ref_fkey FOREIGN KEY (dataset_ref) REFERENCES odc.dataset(id);


--
-- Name: dataset_search_num dataset_search_num_dataset_ref_fkey; Type: FK CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset_search_num
    ADD CONSTRAINT dataset_search_num_dataset_ref_fkey FOREIGN KEY (dataset_ref) REFERENCES odc.dataset(id);


--
-- Name: dataset_search_string dataset_search_string_dataset_ref_fkey; Type: FK CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.dataset_search_string
    ADD CONSTRAINT dataset_search_string_dataset_ref_fkey FOREIGN KEY (dataset_ref) REFERENCES odc.dataset(id);


--
-- Name: product product_metadata_type_ref_fkey; Type: FK CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.product
    ADD CONSTRAINT product_metadata_type_ref_fkey FOREIGN KEY (metadata_type_ref) REFERENCES odc.metadata_type(id);


--
-- Name: spatial_4326 spatial_4326_dataset_ref_fkey; Type: FK CONSTRAINT; Schema: odc; Owner: -
--

ALTER TABLE ONLY odc.spatial_4326
    ADD CONSTRAINT spatial_4326_dataset_ref_fkey FOREIGN KEY (dataset_ref) REFERENCES odc.dataset(id);


--
-- PostgreSQL database dump complete
--

\unrestrict O6Vr8Q0bG3sF8TMN2ql1vqLTdDKOFEbr3FN4cIrqxMc3yMx6oAtS1vll4790cuR

