package dev.tandem.state.service;

import dev.tandem.events.PersonaV1;
import dev.tandem.state.mapping.PublishedDefinition;
import java.util.List;

/** What the designers published for a tenant, as the global stores hold it. */
public interface TenantDesigns {

    List<PublishedDefinition> publishedOf(String tenantId);

    List<PersonaV1> personasOf(String tenantId);
}
