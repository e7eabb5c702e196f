# syntax=docker/dockerfile:1
#
# diplograph: one static binary on distroless, running as nonroot.
#
#   docker build -t diplograph .
#   docker run -p 127.0.0.1:8080:8080 -v diplograph-data:/var/lib/diplograph diplograph
#
# The embedded store lives in /var/lib/diplograph/data (a volume); set NEO4J_URI,
# NEO4J_PASSWORD (and NEO4J_USER, NEO4J_DATABASE) to use Neo4j instead. Nothing is
# loaded at start unless DIPLOGRAPH_LOAD_ON_START names files or folders, e.g. the
# demo articles in /usr/share/diplograph/examples. VERSION and COMMIT stamp the
# binary (`diplograph version`).

FROM --platform=$BUILDPLATFORM golang:1.26.8 AS build
ARG TARGETOS
ARG TARGETARCH
ARG VERSION=dev
ARG COMMIT=
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath \
    -ldflags="-s -w -X github.com/diplograph/diplograph/buildinfo.Version=${VERSION} -X github.com/diplograph/diplograph/buildinfo.Commit=${COMMIT}" \
    -o /out/diplograph . \
    && go run ./scripts/licenses > /out/THIRD_PARTY_LICENSES.txt \
    && mkdir -p /out/state/data

FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=dev
LABEL org.opencontainers.image.title="diplograph" \
      org.opencontainers.image.description="Diplomatic event knowledge graph served over GraphQL" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}"
COPY --from=build /out/diplograph /usr/local/bin/diplograph
COPY LICENSE NOTICE /usr/share/doc/diplograph/
COPY --from=build /out/THIRD_PARTY_LICENSES.txt /usr/share/doc/diplograph/
COPY examples/articles /usr/share/diplograph/examples
# The state folder belongs to nonroot (65532), so the embedded store can create
# its files; a named volume mounted here starts with this ownership.
COPY --from=build --chown=65532:65532 /out/state /var/lib/diplograph
WORKDIR /var/lib/diplograph
VOLUME ["/var/lib/diplograph"]
USER 65532:65532
ENV DIPLOGRAPH_ADDR=0.0.0.0:8080 \
    DIPLOGRAPH_DATA=/var/lib/diplograph/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/diplograph", "health"]
ENTRYPOINT ["/usr/local/bin/diplograph"]
CMD ["serve"]
