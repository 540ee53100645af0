# DevEx service image.
#   docker build -t devex .
#   docker run -p 127.0.0.1:5080:5080 -e DevEx__Auth__Mode=None -v devex-data:/data devex      (or: docker-compose up)
# The container listens on every address, so it needs sign-in (DevEx__Auth__Oidc__*) or, for this machine's port
# only, DevEx__Auth__Mode=None; without either it refuses to start (docs/security.md).
# The database lives on the /data volume; the sample organisation is seeded from /app/sample-data.

# ---- build ----------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src

# Restore first, from the project files alone, so the package layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/DevEx.Store/DevEx.Store.csproj           src/DevEx.Store/
COPY src/DevEx.Collectors/DevEx.Collectors.csproj src/DevEx.Collectors/
COPY src/DevEx.Analytics/DevEx.Analytics.csproj   src/DevEx.Analytics/
COPY src/DevEx.Reports/DevEx.Reports.csproj       src/DevEx.Reports/
COPY src/DevEx.Server/DevEx.Server.csproj         src/DevEx.Server/
COPY tools/DevEx.SampleOrg/DevEx.SampleOrg.csproj tools/DevEx.SampleOrg/
RUN dotnet restore src/DevEx.Server/DevEx.Server.csproj

# Everything else: sources, queries/ (embedded into DevEx.Store), dashboards/, sample-data/.
COPY . .
RUN dotnet publish src/DevEx.Server -c Release -o /app --no-restore \
 && mkdir -p sample-data dashboards

# ---- runtime --------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# Chart text is drawn with DejaVu so reports look the same as in development and CI;
# libfontconfig1 lets the chart renderer find it (the charts also carry DejaVu Sans embedded).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-dejavu-core libfontconfig1 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app ./
COPY --from=build /src/sample-data ./sample-data/
COPY --from=build /src/dashboards ./dashboards/
COPY --from=build /src/queries ./queries/

# The image's non-root user owns the database folder; a new named volume takes this ownership.
RUN mkdir -p /data && chown "$APP_UID" /data

ENV DevEx__Database=/data/devex.duckdb \
    DevEx__SampleData=/app/sample-data \
    DevEx__Dashboards=/app/dashboards \
    DevEx__Queries=/app/queries \
    ASPNETCORE_URLS=http://+:5080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_CLI_TELEMETRY_OPTOUT=1

USER $APP_UID
EXPOSE 5080
VOLUME /data

# No HEALTHCHECK: the aspnet image has neither curl nor wget, and adding one only for that is not worth it.
# Orchestrators can probe GET http://HOST:5080/healthz themselves (it needs no sign-in).
ENTRYPOINT ["dotnet", "DevEx.Server.dll"]
