package io.vectorless.gateway.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
class InfoController {
    /** The service's name and API version as the specification gives them; the OpenAPI document shows the same. */
    static final String NAME = "Vectorless RAG Backend";
    static final String VERSION = "1.1.0";

    @GetMapping("/health")
    @ApiResponse(responseCode = "200", description = "The gateway is up",
            content = @Content(schema = @Schema(implementation = ApiSchemas.Health.class)))
    Map<String, String> health() {
        return Map.of("status", "healthy");
    }

    @GetMapping("/")
    @ApiResponse(responseCode = "200", description = "Service name and version",
            content = @Content(schema = @Schema(implementation = ApiSchemas.ServiceInfo.class)))
    Map<String, String> info() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("name", NAME);
        info.put("version", VERSION);
        return info;
    }

    /**
     * A browser opening the server's address is a person, who wants the console; API clients (which do not put
     * text/html first) keep getting the JSON above.
     */
    @Hidden
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Void> console() {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/ui/").build();
    }
}
