# intake in a container: Debian with Tesseract and the language packs of
# the seeded procedures. The dossier is mounted read-only:
#
#   docker build -t intake .
#   docker run --rm -v "$PWD/dossier:/dossier:ro" intake validate /dossier --country RS --procedure permanent-residence-renewal
#
# Build stage: gosseract needs cgo and Tesseract's headers. Go is Debian's
# (golang-1.23-go from bookworm-backports, added from the image's own
# mirror); it fetches the toolchain go.mod names (GOTOOLCHAIN=auto).
FROM debian:bookworm AS build
RUN mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources | head -n1) \
 && echo "deb $mirror bookworm-backports main" > /etc/apt/sources.list.d/backports.list \
 && apt-get update \
 && apt-get install -y --no-install-recommends golang-1.23-go libtesseract-dev libleptonica-dev g++ pkg-config ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/lib/go-1.23/bin:$PATH GOTOOLCHAIN=auto
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags="-s -w" -o /out/intake ./cmd/intake

# Run stage: the Tesseract runtime, language packs and poppler; no compiler.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-nld tesseract-ocr-deu \
      tesseract-ocr-rus tesseract-ocr-srp tesseract-ocr-srp-latn tesseract-ocr-chi-sim tesseract-ocr-ara tesseract-ocr-osd \
      poppler-utils ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/intake /usr/local/bin/intake
ENV OMP_THREAD_LIMIT=1
USER nobody
ENTRYPOINT ["intake"]
CMD ["--help"]
