package io.vectorless.gateway.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InfoController {
    /** The service's name and API version as the specification gives them; the OpenAPI document shows the same. */
    static final String NAME = "Vectorless RAG Backend";
    static final String VERSION = "1.1.0";

    @Schema(name = "Health")
    record Health(@Schema(allowableValues = "healthy") String status) {
    }

    @Schema(name = "ServiceInfo")
    record ServiceInfo(String name, String version) {
    }

    @GetMapping("/health")
    @ApiResponse(responseCode = "200", description = "The gateway is up")
    Health health() {
        return new Health("healthy");
    }

    @GetMapping("/")
    @ApiResponse(responseCode = "200", description = "Service name and version")
    ServiceInfo info() {
        return new ServiceInfo(NAME, VERSION);
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
