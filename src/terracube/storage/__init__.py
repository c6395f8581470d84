"""Storage: the S3 array store (``storage.s3``) and the read/write drivers, one folder per format."""
