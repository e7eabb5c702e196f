# diplograph: a static binary on a small base image.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/diplograph .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/diplograph /diplograph
COPY examples/articles /examples/articles
EXPOSE 8080
ENTRYPOINT ["/diplograph"]
CMD ["serve", "--addr", "0.0.0.0:8080", "--load", "/examples/articles"]
