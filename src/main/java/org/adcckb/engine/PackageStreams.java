package org.adcckb.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Properties;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled packages as bytes and back. Packages hold the classes compiled from the rules, which a plain
 * object stream cannot resolve on reading; Drools' own streams carry them (and read them through a class
 * loader of their own). Whoever reads bytes from disk checks them first and sets the filter: this class
 * only knows the format.
 */
public final class PackageStreams {

    private PackageStreams() {
    }

    /** The packages as one serialized list. */
    public static byte[] write(Collection<KiePackage> packages) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 19);
        try (ObjectOutputStream out = new DroolsObjectOutputStream(payload)) {
            out.writeObject(new ArrayList<>(packages));
        }
        return payload.toByteArray();
    }

    /** A stream that reads what {@link #write} wrote, resolving the rules' own classes; not yet filtered. */
    public static ObjectInputStream reader(InputStream in, ClassLoader loader) throws IOException {
        return new DroolsObjectInputStream(in, loader);
    }

    /** The version of the Drools on the class path, which the bytes depend on; "?" when it cannot be told. */
    public static String droolsVersion() {
        try (InputStream in = PackageStreams.class.getResourceAsStream("/META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "?");
            }
        } catch (IOException e) {
            // fall through to the jar's manifest
        }
        Package p = DroolsObjectInputStream.class.getPackage();
        return p == null || p.getImplementationVersion() == null ? "?" : p.getImplementationVersion();
    }
}
